package dev.cftriage.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The library-backed {@link Ipv4Spellings} against the hand-written reader it replaced (kept here, and only here, as
 * the oracle): the same address, or the same refusal, for every spelling of a seeded corpus — decimal, octal and hex
 * parts, one to four of them, leading zeros, upper-case hex, out-of-range and malformed parts. Where the two part on
 * purpose, a test below says so.
 */
class Ipv4SpellingsOracleTest {
    private static final long[] INTERESTING = {0L, 1L, 0x7f000001L, 0xa9fea9feL, 0x0a000001L, 0xffffffffL, 0x08080808L,
            0xc0a80001L, 0x64400001L, 0xe0000001L, 0xac100001L, 0xc0000201L};
    private static final List<String> ODD = List.of("", ".", "1.", ".1", "1..1", "1.2.3.4.5", "0x", "0x.0x.0x.0x",
            "1.2.3.0x", "0x.1", "08", "09.1", "0x1g", "0xx1", "0x0x1", "256.1.1.1", "1.256.1.1", "1.1.1.256", "1.1.65536",
            "1.16777216", "4294967296", "4294967295", "99999999999", "000000000001", "0x100000000", "1.2.3.4 ", " 1.2.3.4",
            "1.2.3.-4", "+1.2.3.4", "1.2.3.4/8", "1.2.3.*", "1-2.3.4.5", "1.2.3.4%eth0", "[1.2.3.4]", "1:2", "::1", "1e1",
            "1_000", "0b1.1.1.1", "a.b.c.d", "ff", "0xg", "12345678901234", "127.0.0.01", "0177.0.0.1", "017700000001",
            "2130706433", "127.1", "127.0.1", "01.02.03.04", "0x7f.0x00.0x00.0x01");

    @Test
    void everySpellingReadsAsTheHandWrittenReaderReadIt() {
        for (String spelling : corpus()) {
            assertEquals(Legacy.parse(spelling.toLowerCase(Locale.ROOT)), Ipv4Spellings.parse(spelling), spelling);
        }
    }

    @Test
    void aPartLongerThanTwelveCharactersIsReadAsInetAtonReadsItWhereTheOldReaderRefusedIt() {
        assertNull(Legacy.parse("0017700000001"));
        assertEquals("127.0.0.1", Ipv4Spellings.parse("0017700000001").getHostAddress());
    }

    @Test
    void digitsOutsideAsciiAreRefusedWhereTheOldReaderTookThemForDecimal() {
        assertEquals("127.0.0.1", Legacy.parse("\u0661\u0662\u0667.0.0.1").getHostAddress());
        assertNull(Ipv4Spellings.parse("\u0661\u0662\u0667.0.0.1"));
    }

    /**
     * Spellings of seeded random and interesting addresses, each part in a random base, plus malformed ones; parts
     * stay within the old reader's 12 characters (longer ones are the test above).
     */
    private static List<String> corpus() {
        Random random = new Random(20261130);
        List<String> corpus = new ArrayList<>(ODD);
        for (int n = 0; n < 1500; n++) {
            long value = n < INTERESTING.length ? INTERESTING[n] : random.nextLong() & 0xffffffffL;
            for (int parts = 1; parts <= 4; parts++) {
                for (int variant = 0; variant < 4; variant++) {
                    StringBuilder spelling = new StringBuilder();
                    for (int i = 0; i < parts; i++) {
                        long part = i < parts - 1 ? (value >>> (8 * (3 - i))) & 0xff
                                : value & ((1L << (8 * (4 - (parts - 1)))) - 1);
                        spelling.append(i == 0 ? "" : ".").append(spell(part, random.nextInt(7)));
                    }
                    if (Arrays.stream(spelling.toString().split("\\.")).allMatch(part -> part.length() <= 12)) {
                        corpus.add(spelling.toString());
                    }
                }
            }
        }
        return corpus;
    }

    private static String spell(long value, int base) {
        return switch (base) {
            case 0 -> Long.toString(value);
            case 1 -> "0" + Long.toOctalString(value);
            case 2 -> "00" + Long.toOctalString(value);
            case 3 -> "0x" + Long.toHexString(value);
            case 4 -> "0X" + Long.toHexString(value).toUpperCase(Locale.ROOT);
            case 5 -> "0x0" + Long.toHexString(value);
            default -> "256" + value;
        };
    }

    /** The hand-written reader {@link Ipv4Spellings} replaced, verbatim: the oracle. */
    private static final class Legacy {
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
}
