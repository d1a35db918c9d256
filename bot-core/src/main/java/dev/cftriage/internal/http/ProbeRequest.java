package dev.cftriage.internal.http;

import dev.cftriage.internal.net.CloudflarePorts;
import dev.cftriage.internal.net.VettedAddress;
import java.util.Map;

/**
 * One GET a probe wants made: to {@code address:port}, with Host (and SNI on https) = {@code host}.
 *
 * @param address the only address connected to
 * @param port a port Cloudflare proxies; https on its HTTPS ports, http on the others
 * @param host the Host header and SNI
 * @param path the path and query, starting with {@code /}
 * @param headers extra request headers (User-Agent, Accept …)
 */
public record ProbeRequest(VettedAddress address, int port, String host, String path, Map<String, String> headers) {

    public ProbeRequest {
        ProbePorts.requireProxied(port);
        path = path == null || path.isEmpty() ? "/" : path;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a request path starts with '/': " + path);
        }
        headers = Map.copyOf(headers);
    }

    /** {@code https} on Cloudflare's HTTPS ports, {@code http} on the others. */
    String scheme() {
        return CloudflarePorts.tls(port) ? "https" : "http";
    }

    /** True when the exchange runs over TLS. */
    boolean tls() {
        return CloudflarePorts.tls(port);
    }
}
