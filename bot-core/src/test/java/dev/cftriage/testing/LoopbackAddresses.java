package dev.cftriage.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out distinct loopback addresses (127.77.x.y) so that tests can bind Cloudflare's real proxied ports
 * (8080, 8443 …) without colliding with each other or with anything else on the machine. Linux routes all of
 * 127.0.0.0/8 to the loopback interface.
 */
public final class LoopbackAddresses {
    private static final AtomicInteger NEXT = new AtomicInteger((int) (ProcessHandle.current().pid() % 200) * 250);

    private LoopbackAddresses() {
    }

    /** A loopback address no other caller in this JVM has been given. */
    public static InetAddress next() {
        int n = NEXT.incrementAndGet() % 65_000;
        try {
            return InetAddress.getByAddress(new byte[] {127, 77, (byte) (1 + n / 250), (byte) (1 + n % 250)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
