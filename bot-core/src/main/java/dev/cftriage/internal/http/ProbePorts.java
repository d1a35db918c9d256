package dev.cftriage.internal.http;

import dev.cftriage.internal.net.CloudflarePorts;

/** The port rule every network probe enforces before it is built: only ports Cloudflare proxies. */
public final class ProbePorts {
    private ProbePorts() {
    }

    /**
     * Returns the port when Cloudflare proxies it.
     *
     * @throws IllegalArgumentException for any other port (the engine never plans one, so this is a bug)
     */
    public static int requireProxied(int port) {
        if (!CloudflarePorts.proxied(port)) {
            throw new IllegalArgumentException("port " + port + " is not a port Cloudflare proxies: probes never connect to it");
        }
        return port;
    }
}
