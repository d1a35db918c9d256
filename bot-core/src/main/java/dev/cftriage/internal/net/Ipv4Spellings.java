package dev.cftriage.internal.net;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * Reads an IPv4 address in any spelling {@code inet_aton} and browsers accept: one to four parts separated by
 * dots, each decimal, octal (leading {@code 0}) or hex ({@code 0x}), the last part filling the remaining bytes
 * ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}, {@code 017700000001}). The ipaddress library does the
 * reading; only ASCII digits, hex letters, {@code x} and dots are let through to it, and a bare {@code 0x} part reads
 * as 0, as browsers read it. Stateless and thread-safe.
 */
final class Ipv4Spellings {
    /** One address in {@code inet_aton} form: no range, wildcard, prefix, mask or IPv6. */
    private static final IPAddressStringParameters INET_ATON = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowIPv6(false)
            .allowSingleSegment(true).allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder()
            .allow_inet_aton(true).allow_inet_aton_hex(true).allow_inet_aton_octal(true)
            .allow_inet_aton_joined_segments(true).allow_inet_aton_leading_zeros(true)
            .allow_inet_aton_extraneous_digits(false).allowBinary(false)
            .allowLeadingZeros(true).allowUnlimitedLeadingZeros(true)
            .getParentBuilder().toParams();
    /** A part that is only the hex prefix. */
    private static final Pattern BARE_HEX_PREFIX = Pattern.compile("(?<=^|\\.)0[xX](?=\\.|$)");

    private Ipv4Spellings() {
    }

    /** The address, or null when the text is not an IPv4 address in any spelling. */
    static InetAddress parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
                    || c == 'x' || c == 'X' || c == '.';
            if (!allowed) {
                return null;
            }
        }
        IPAddress address = new IPAddressString(BARE_HEX_PREFIX.matcher(text).replaceAll("0"), INET_ATON).getAddress();
        return address == null || !address.isIPv4() || address.isMultiple() || address.isPrefixed()
                ? null : address.toInetAddress();
    }
}
