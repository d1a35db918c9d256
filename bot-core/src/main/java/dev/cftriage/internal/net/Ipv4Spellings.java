package dev.cftriage.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads an IPv4 address in any spelling {@code inet_aton} and browsers accept: one to four parts separated by
 * dots, each decimal, octal (leading {@code 0}) or hex ({@code 0x}), the last part filling the remaining bytes
 * ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}, {@code 017700000001}).
 */
final class Ipv4Spellings {
    private Ipv4Spellings() {
    }

    /** The address, or null when the text is not an IPv4 address in any spelling. */
    static InetAddress parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            long v = part(parts[i]);
            if (v < 0) {
                return null;
            }
            values[i] = v;
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        int lastBytes = 4 - (parts.length - 1);
        if (last >= (1L << (8 * lastBytes))) {
            return null;
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The value of one part, or -1 when it is not a number (or too long to be one). */
    private static long part(String p) {
        if (p.isEmpty() || p.length() > 12) {
            return -1;
        }
        int radix = 10;
        String digits = p;
        if (p.startsWith("0x")) {
            radix = 16;
            digits = p.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            digits = p.substring(1);
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            v = v * radix + d;
        }
        return v;
    }
}
