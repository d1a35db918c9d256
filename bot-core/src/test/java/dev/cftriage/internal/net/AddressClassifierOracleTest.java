package dev.cftriage.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import inet.ipaddr.IPAddressString;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The library-backed reading of IPv4 addresses inside IPv6 ones ({@link AddressClassifier#embeddedIpv4}) against the
 * byte work it replaced (kept here, and only here, as the oracle), on a seeded corpus: each translation and
 * transition prefix (mapped, NAT64 and its local-use neighbour, 6to4, IPv4-compatible) with interesting and random
 * IPv4 addresses inside, the same with one bit flipped, and random addresses.
 */
class AddressClassifierOracleTest {
    private static final List<String> PREFIXES = List.of("::ffff:0:0", "64:ff9b::", "64:ff9b:1::", "2002::", "::",
            "::ffff:0:0:0", "0:0:0:0:1::", "64:ff9a::", "2003::", "fe80::", "2001:db8::");
    private static final int[][] INTERESTING = {{0, 0, 0, 0}, {0, 0, 0, 1}, {0, 0, 0, 2}, {0, 0, 1, 0}, {127, 0, 0, 1},
            {10, 0, 0, 1}, {169, 254, 169, 254}, {8, 8, 8, 8}, {255, 255, 255, 255}, {100, 64, 0, 1}, {1, 0, 0, 0}};

    @Test
    void everyAddressCarriesTheIpv4AddressTheByteWorkFound() throws Exception {
        for (byte[] bytes : corpus()) {
            Inet6Address v6 = Inet6Address.getByAddress(null, bytes, -1);
            assertEquals(Legacy.embeddedIpv4(bytes), AddressClassifier.embeddedIpv4(v6), v6.getHostAddress());
        }
    }

    private static List<byte[]> corpus() {
        Random random = new Random(20261130);
        List<byte[]> corpus = new ArrayList<>();
        for (String prefix : PREFIXES) {
            byte[] base = new IPAddressString(prefix).getAddress().getBytes();
            int at = prefix.startsWith("2002") ? 2 : 12;
            for (int k = 0; k < 300; k++) {
                byte[] bytes = base.clone();
                int[] v4 = k < INTERESTING.length ? INTERESTING[k]
                        : new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256)};
                for (int i = 0; i < 4; i++) {
                    bytes[at + i] = (byte) v4[i];
                }
                if (k % 3 == 1) {
                    bytes[random.nextInt(16)] ^= (byte) (1 << random.nextInt(8));
                }
                corpus.add(bytes);
            }
        }
        for (int k = 0; k < 5000; k++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            corpus.add(bytes);
        }
        return corpus;
    }

    /** The byte work {@link AddressClassifier#embeddedIpv4} replaced, on the address's 16 bytes: the oracle. */
    private static final class Legacy {
        static InetAddress embeddedIpv4(byte[] b) throws UnknownHostException {
            if (isMapped(b) || startsWith(b, 0x00, 0x64, 0xff, 0x9b) && zero(b, 4, 12)) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (startsWith(b, 0x20, 0x02)) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
            }
            if (zero(b, 0, 12) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0)) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            return null;
        }

        private static boolean isMapped(byte[] b) {
            return zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        }

        private static boolean startsWith(byte[] b, int... prefix) {
            for (int i = 0; i < prefix.length; i++) {
                if ((b[i] & 0xff) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean zero(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
