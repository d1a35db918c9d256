package dev.cftriage.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SSRF table: every spelling of an address a prober must not reach is refused once parsed, and public and
 * Cloudflare addresses pass with the right category. Nothing here connects anywhere.
 */
class AddressPolicyTest {
    private static final AddressPolicy STRICT = AddressPolicy.create(CidrSet.builtInCloudflareRanges(), CidrSet.empty());

    @ParameterizedTest(name = "{0} is refused as {2} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            2130706433                | 127.0.0.1        | LOOPBACK
            0177.0.0.1                | 127.0.0.1        | LOOPBACK
            017700000001              | 127.0.0.1        | LOOPBACK
            0x7f000001                | 127.0.0.1        | LOOPBACK
            0X7F000001                | 127.0.0.1        | LOOPBACK
            0x7f.0.0.1                | 127.0.0.1        | LOOPBACK
            0x7f.1                    | 127.0.0.1        | LOOPBACK
            0177.1                    | 127.0.0.1        | LOOPBACK
            127.1                     | 127.0.0.1        | LOOPBACK
            127.000.000.001           | 127.0.0.1        | LOOPBACK
            127.0.0.1.                | 127.0.0.1        | LOOPBACK
            127.255.255.254           | 127.255.255.254  | LOOPBACK
            １２７.０.０.１           | 127.0.0.1        | LOOPBACK
            127。0。0。1              | 127.0.0.1        | LOOPBACK
            0                         | 0.0.0.0          | UNSPECIFIED
            0.0.0.0                   | 0.0.0.0          | UNSPECIFIED
            0x0                       | 0.0.0.0          | UNSPECIFIED
            ::ffff:127.0.0.1          | 127.0.0.1        | LOOPBACK
            ::ffff:7f00:1             | 127.0.0.1        | LOOPBACK
            [0:0:0:0:0:ffff:7f00:1]   | 127.0.0.1        | LOOPBACK
            ::127.0.0.1               | ::7f00:1         | LOOPBACK
            [::ffff:169.254.169.254]  | 169.254.169.254  | METADATA
            64:ff9b::7f00:1           | 64:ff9b::7f00:1  | LOOPBACK
            64:ff9b::a00:1            | 64:ff9b::a00:1   | PRIVATE
            64:ff9b:1::a9fe:a9fe      | 64:ff9b:1::a9fe:a9fe | RESERVED
            64:ff9b:1::7f00:1         | 64:ff9b:1::7f00:1 | RESERVED
            64:ff9b:1:808:808::       | 64:ff9b:1:808:808:: | RESERVED
            2002:7f00:1::             | 2002:7f00:1::    | LOOPBACK
            2002:a9fe:a9fe::1         | 2002:a9fe:a9fe::1 | METADATA
            [fe80::1%eth0]            | fe80::1          | LINK_LOCAL
            fe80::1%25eth0            | fe80::1          | LINK_LOCAL
            ::1                       | ::1              | LOOPBACK
            [::1]                     | ::1              | LOOPBACK
            0:0:0:0:0:0:0:1           | ::1              | LOOPBACK
            [::]                      | ::               | UNSPECIFIED
            169.254.169.254           | 169.254.169.254  | METADATA
            0xa9fea9fe                | 169.254.169.254  | METADATA
            2852039166                | 169.254.169.254  | METADATA
            169.254.170.2             | 169.254.170.2    | METADATA
            fd00:ec2::254             | fd00:ec2::254    | METADATA
            100.100.100.200           | 100.100.100.200  | METADATA
            168.63.129.16             | 168.63.129.16    | METADATA
            ::ffff:168.63.129.16      | 168.63.129.16    | METADATA
            169.254.1.1               | 169.254.1.1      | LINK_LOCAL
            100.64.0.1                | 100.64.0.1       | CGNAT
            100.127.255.254           | 100.127.255.254  | CGNAT
            10.0.0.1                  | 10.0.0.1         | PRIVATE
            012.0.0.1                 | 10.0.0.1         | PRIVATE
            172.16.0.1                | 172.16.0.1       | PRIVATE
            172.31.255.255            | 172.31.255.255   | PRIVATE
            192.168.1.1               | 192.168.1.1      | PRIVATE
            fd12:3456::1              | fd12:3456::1     | PRIVATE
            224.0.0.1                 | 224.0.0.1        | MULTICAST
            239.255.255.250           | 239.255.255.250  | MULTICAST
            ff02::1                   | ff02::1          | MULTICAST
            240.0.0.1                 | 240.0.0.1        | RESERVED
            255.255.255.255           | 255.255.255.255  | RESERVED
            4294967295                | 255.255.255.255  | RESERVED
            0.1.2.3                   | 0.1.2.3          | RESERVED
            198.18.0.1                | 198.18.0.1       | RESERVED
            198.19.255.255            | 198.19.255.255   | RESERVED
            2001::1                   | 2001::1          | RESERVED
            64:ff9b::808:808          | 64:ff9b::808:808 | RESERVED
            2002:808:808::1           | 2002:808:808::1  | RESERVED
            ::ffff:0:808:808          | ::ffff:0:808:808 | RESERVED
            192.0.2.1                 | 192.0.2.1        | DOCUMENTATION
            198.51.100.1              | 198.51.100.1     | DOCUMENTATION
            203.0.113.7               | 203.0.113.7      | DOCUMENTATION
            2001:db8::1               | 2001:db8::1      | DOCUMENTATION
            """)
    void ssrfSpellingIsRefused(String spelling, String canonical, AddressCategory category) {
        AddressCheck check = STRICT.check(literal(spelling));

        AddressCheck.Refused refused = assertInstanceOf(AddressCheck.Refused.class, check);
        assertEquals(canonical, refused.classified().address());
        assertEquals(category, refused.classified().category());
        assertFalse(refused.classified().allowed());
        assertTrue(refused.classified().reason().contains(category.id()), refused.classified().reason());
    }

    @ParameterizedTest(name = "{0} is allowed as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            8.8.8.8                   | 8.8.8.8              | PUBLIC  | 4
            134744072                 | 8.8.8.8              | PUBLIC  | 4
            2001:4860:4860::8888      | 2001:4860:4860::8888 | PUBLIC  | 6
            104.16.1.1                | 104.16.1.1           | CLOUDFLARE | 4
            172.67.1.1                | 172.67.1.1           | CLOUDFLARE | 4
            ::ffff:104.16.1.1         | 104.16.1.1           | CLOUDFLARE | 4
            ::ffff:8.8.8.8            | 8.8.8.8              | PUBLIC  | 4
            168.63.129.17             | 168.63.129.17        | PUBLIC  | 4
            [2606:4700::1111]         | 2606:4700::1111      | CLOUDFLARE | 6
            """)
    void publicAndCloudflareAddressesAreAllowed(String spelling, String canonical, AddressCategory category, int family) {
        AddressCheck check = STRICT.check(literal(spelling));

        AddressCheck.Allowed allowed = assertInstanceOf(AddressCheck.Allowed.class, check);
        assertEquals(canonical, allowed.vetted().text());
        assertEquals(category, allowed.classified().category());
        assertEquals(family, allowed.classified().family());
        assertTrue(allowed.classified().allowed());
        assertNull(allowed.classified().reason());
    }

    @Test
    void allowListOptsItsRangeInAndNothingElse() {
        AddressPolicy lab = AddressPolicy.create(CidrSet.builtInCloudflareRanges(), CidrSet.parse(List.of("127.0.0.0/8")));

        AddressCheck.Allowed loopback = assertInstanceOf(AddressCheck.Allowed.class, lab.check(literal("0x7f000001")));
        assertEquals(AddressCategory.LOOPBACK, loopback.classified().category());
        assertInstanceOf(AddressCheck.Allowed.class, lab.check(literal("127.77.3.4")));
        assertInstanceOf(AddressCheck.Refused.class, lab.check(literal("::1")));
        assertInstanceOf(AddressCheck.Refused.class, lab.check(literal("169.254.169.254")));
        assertInstanceOf(AddressCheck.Refused.class, lab.check(literal("10.0.0.1")));
    }

    @Test
    void withoutCloudflareRangesAnEdgeAddressIsPlainPublic() {
        AddressPolicy noRanges = AddressPolicy.create(CidrSet.empty(), CidrSet.empty());

        assertEquals(AddressCategory.PUBLIC, noRanges.check(literal("104.16.1.1")).classified().category());
    }

    @Test
    void refusalReasonNamesTheAddressAndTheWayToOptIn() {
        String reason = STRICT.check(literal("10.0.0.5")).classified().reason();

        assertTrue(reason.startsWith("10.0.0.5 is a private address"), reason);
        assertTrue(reason.contains("--allow-target"), reason);
    }

    @Test
    void scopedAddressIsCheckedWithoutItsScope() throws Exception {
        InetAddress scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 1);

        AddressCheck check = STRICT.check(scoped);

        assertEquals("fe80::1", check.classified().address());
        assertEquals(AddressCategory.LINK_LOCAL, check.classified().category());
    }

    @Test
    void zoneOfZeroIsDroppedFromTheCanonicalText() throws Exception {
        InetAddress zoned = Inet6Address.getByAddress(null, InetAddress.getByName("2001:4860:4860::8888").getAddress(), 0);

        assertEquals("2001:4860:4860::8888", AddressPolicy.canonical(zoned));
        assertEquals("2001:4860:4860::8888", STRICT.check(zoned).classified().address());
    }

    @Test
    void ipv4MappedAddressWithAZoneIsCheckedAsItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress zoned = Inet6Address.getByAddress(null, mapped, 0);

        AddressCheck.Refused refused = assertInstanceOf(AddressCheck.Refused.class, STRICT.check(zoned));
        assertEquals("127.0.0.1", refused.classified().address());
        assertEquals(4, refused.classified().family());
        assertEquals(AddressCategory.LOOPBACK, refused.classified().category());
        assertEquals("127.0.0.1", AddressPolicy.canonical(zoned));
    }

    @Test
    void ipv4MappedPublicAddressIsAllowedAndVettedAsIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};

        AddressCheck.Allowed allowed = assertInstanceOf(AddressCheck.Allowed.class,
                STRICT.check(Inet6Address.getByAddress(null, mapped, 0)));
        assertEquals(AddressCategory.PUBLIC, allowed.classified().category());
        assertEquals("8.8.8.8", allowed.vetted().text());
    }

    private static InetAddress literal(String spelling) {
        HostName host = HostNames.parse(spelling);
        return assertInstanceOf(HostName.Literal.class, host, spelling + " was read as a name").address();
    }
}
