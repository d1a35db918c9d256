package dev.cftriage.internal.engine;

import dev.cftriage.internal.net.HostName;
import java.util.List;

/**
 * What one probe run looks at; two triages with equal targets share one run.
 *
 * @param host the host, or null when only origins are known
 * @param origins origin addresses or names to probe directly, besides (or instead of) the host's own addresses
 * @param ports origin ports to probe, each one Cloudflare proxies
 * @param edgePort the HTTPS port to ask the edge on
 * @param path the URL path to request
 * @param namesCloudflare the input itself points at Cloudflare (a Ray ID, a data centre, a Cloudflare-generated
 *     error), so Cloudflare's status is worth asking even when the host does not resolve to its edge
 */
public record ProbeTarget(HostName host, List<HostName> origins, List<Integer> ports, int edgePort, String path,
                          boolean namesCloudflare) {

    public ProbeTarget {
        origins = List.copyOf(origins);
        ports = List.copyOf(ports);
        path = path == null || path.isEmpty() ? "/" : path;
    }

    /** The host's text, or null. */
    public String hostText() {
        return host == null ? null : host.text();
    }
}
