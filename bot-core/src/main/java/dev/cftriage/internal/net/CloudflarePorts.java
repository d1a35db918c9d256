package dev.cftriage.internal.net;

import dev.cftriage.input.BadInputException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ports Cloudflare proxies: the only ports the probes connect to.
 */
public final class CloudflarePorts {
    /** Ports Cloudflare proxies over plain HTTP. */
    public static final Set<Integer> HTTP = Set.of(80, 8080, 8880, 2052, 2082, 2086, 2095);
    /** Ports Cloudflare proxies over HTTPS. */
    public static final Set<Integer> HTTPS = Set.of(443, 2053, 2083, 2087, 2096, 8443);

    private CloudflarePorts() {
    }

    /** True when Cloudflare proxies this port, over HTTP or HTTPS. */
    public static boolean proxied(int port) {
        return HTTP.contains(port) || HTTPS.contains(port);
    }

    /**
     * The port, when Cloudflare proxies it.
     *
     * @throws BadInputException naming the port and the ports Cloudflare proxies
     */
    public static int requireProxied(int port) {
        if (!proxied(port)) {
            throw new BadInputException("port " + port + " is not one Cloudflare proxies; use one of HTTP "
                    + new TreeSet<>(HTTP) + " or HTTPS " + new TreeSet<>(HTTPS));
        }
        return port;
    }

    /** True when Cloudflare speaks TLS to the origin on this port. */
    public static boolean tls(int port) {
        return HTTPS.contains(port);
    }
}
