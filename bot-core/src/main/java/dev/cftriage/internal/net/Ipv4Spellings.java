package dev.cftriage.internal.net;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
        InetAddress plain = plainDottedQuad(text);
        if (plain != null) {
            return plain;
        }
        boolean hex = text.indexOf('x') >= 0 || text.indexOf('X') >= 0;
        String spelled = hex ? BARE_HEX_PREFIX.matcher(text).replaceAll("0") : text;
        IPAddress address = new IPAddressString(spelled, INET_ATON).getAddress();
        return address == null || !address.isIPv4() || address.isMultiple() || address.isPrefixed()
                ? null : address.toInetAddress();
    }

    /**
     * The address when the text is the usual spelling, four decimal parts of 0 to 255 without leading zeros, else
     * null. Most addresses in pastes are written so, and reading them here skips the general reader.
     */
    static InetAddress plainDottedQuad(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part == 4 || value > 255) {
                    return null;
                }
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3 && !(digits == 1 && value == 0)) {
                value = value * 10 + (c - '0');
                digits++;
            } else {
                return null;
            }
        }
        try {
            return part == 4 ? InetAddress.getByAddress(bytes) : null;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes always make an IPv4 address", e);
        }
    }
}
