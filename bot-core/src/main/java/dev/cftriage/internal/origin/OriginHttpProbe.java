package dev.cftriage.internal.origin;

import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.http.HttpExchange;
import dev.cftriage.internal.http.HttpProbeClient;
import dev.cftriage.internal.http.ProbeRequest;
import dev.cftriage.internal.net.VettedAddress;
import dev.cftriage.internal.http.BuildInfo;
import java.util.Map;

/**
 * One GET to an origin address and port as Cloudflare makes it: Host (and SNI on https) = the host, https on
 * Cloudflare's HTTPS ports and http on the others, any certificate accepted. Sees what Cloudflare would turn into
 * a 520 (empty reply, reset, oversized headers, not HTTP), a 524 (no response in time) or pass on (the origin's
 * own 5xx). Returns by the deadline whatever the origin does. Immutable and thread-safe.
 */
public final class OriginHttpProbe implements Probe {
    private final ProbeRequest request;
    private final HttpProbeClient client;

    /**
     * A probe of {@code address:port} for {@code host}.
     *
     * @param path the path to ask for; null or empty for {@code /}
     * @throws IllegalArgumentException when Cloudflare does not proxy the port, or the path does not start with {@code /}
     */
    public OriginHttpProbe(VettedAddress address, int port, String host, String path, HttpProbeClient client) {
        this.request = new ProbeRequest(address, port, host, path, Map.of("User-Agent", BuildInfo.USER_AGENT));
        this.client = client;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.ORIGIN_HTTP;
    }

    @Override
    public String target() {
        return Endpoints.format(request.address().text(), request.port());
    }

    @Override
    public HttpFacts run(ProbeContext context) {
        return client.exchange(context, request, HttpExchange::facts).facts();
    }
}
