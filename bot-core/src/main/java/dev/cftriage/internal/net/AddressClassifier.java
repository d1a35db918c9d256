package dev.cftriage.internal.net;

import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * Sorts an IP address into an {@link AddressCategory}: the special-purpose registries of IANA (RFC 6890 and its
 * successors) and the cloud metadata addresses (AWS, GCP, Alibaba, Oracle, Azure's platform endpoint), public for
 * the rest; and tells whether it is in Cloudflare's edge ranges. IPv6 forms that carry an IPv4 address are judged by
 * the IPv4 address inside: an IPv4-mapped address takes the inner address's category ({@code ::ffff:8.8.8.8} is
 * public), while IPv4-compatible, NAT64 ({@code 64:ff9b::/96}) and 6to4 forms take it only when it is not routable
 * and are reserved otherwise. Cloudflare's ranges are read from the holder at each check, so a refresh takes effect
 * at once. Thread-safe.
 */
final class AddressClassifier {
    /** First match wins: specific entries (metadata) stand before the blocks that contain them. */
    private static final List<Map.Entry<CidrSet, AddressCategory>> TABLE = List.of(
            Map.entry(CidrSet.parse(List.of("169.254.169.254/32", "169.254.170.2/32", "100.100.100.200/32",
                    "192.0.0.192/32", "168.63.129.16/32", "fd00:ec2::254/128")), AddressCategory.METADATA),
            Map.entry(CidrSet.parse(List.of("0.0.0.0/32", "::/128")), AddressCategory.UNSPECIFIED),
            Map.entry(CidrSet.parse(List.of("127.0.0.0/8", "::1/128")), AddressCategory.LOOPBACK),
            Map.entry(CidrSet.parse(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")),
                    AddressCategory.PRIVATE),
            Map.entry(CidrSet.parse(List.of("100.64.0.0/10")), AddressCategory.CGNAT),
            Map.entry(CidrSet.parse(List.of("169.254.0.0/16", "fe80::/10")), AddressCategory.LINK_LOCAL),
            Map.entry(CidrSet.parse(List.of("224.0.0.0/4", "ff00::/8")), AddressCategory.MULTICAST),
            Map.entry(CidrSet.parse(List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32",
                    "3fff::/20")), AddressCategory.DOCUMENTATION),
            Map.entry(CidrSet.parse(List.of("0.0.0.0/8", "192.0.0.0/24", "192.88.99.0/24", "198.18.0.0/15",
                    "240.0.0.0/4", "100::/64", "64:ff9b:1::/48", "2001::/23", "5f00::/16", "fec0::/10")),
                    AddressCategory.RESERVED));
    private static final CidrSet GLOBAL_UNICAST_V6 = CidrSet.parse(List.of("2000::/3"));

    private final CloudflareRanges cloudflare;

    AddressClassifier(CloudflareRanges cloudflare) {
        this.cloudflare = cloudflare;
    }

    /** True when the address is in Cloudflare's edge ranges. */
    boolean cloudflare(InetAddress address) {
        return cloudflare.current().contains(address);
    }

    /**
     * The address's special-purpose category from the registries (loopback, private, metadata …), or
     * {@code PUBLIC} when it has none. Cloudflare's ranges play no part here: they never make an address routable.
     */
    AddressCategory special(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            InetAddress embedded = embeddedIpv4(v6);
            if (embedded != null) {
                AddressCategory inner = special(embedded);
                boolean mapped = new IPv6Address(v6).isIPv4Mapped();
                return mapped || !inner.routable() ? inner : AddressCategory.RESERVED;
            }
        }
        for (Map.Entry<CidrSet, AddressCategory> row : TABLE) {
            if (row.getKey().contains(address)) {
                return row.getValue();
            }
        }
        if (address instanceof Inet6Address && !GLOBAL_UNICAST_V6.contains(address)) {
            return AddressCategory.RESERVED;
        }
        return AddressCategory.PUBLIC;
    }

    /**
     * The IPv4 address an IPv6 translation or transition form carries, or null when it carries none: IPv4-mapped
     * ({@code ::ffff:0:0/96}), the well-known NAT64 prefix ({@code 64:ff9b::/96}; the local-use {@code 64:ff9b:1::/48}
     * of RFC 8215 places it elsewhere and is never global: it is a reserved row of the table), 6to4
     * ({@code 2002::/16}) and IPv4-compatible ({@code ::/96} but for {@code ::} and {@code ::1}).
     */
    static InetAddress embeddedIpv4(Inet6Address v6) {
        IPv6Address address = new IPv6Address(v6);
        if (address.isIPv4Mapped() || address.isWellKnownIPv4Translatable()) {
            return address.getEmbeddedIPv4Address().toInetAddress();
        }
        if (address.is6To4()) {
            return address.get6To4IPv4Address().toInetAddress();
        }
        if (address.isIPv4Compatible() && !address.isLoopback() && !address.isZero()) {
            return address.getEmbeddedIPv4Address().toInetAddress();
        }
        return null;
    }
}
