package dev.cftriage.internal.edge;

import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.TraceFacts;
import dev.cftriage.internal.http.HttpExchange;
import dev.cftriage.internal.http.HttpProbeClient;
import dev.cftriage.internal.http.ProbeRequest;
import dev.cftriage.internal.net.VettedAddress;
import dev.cftriage.internal.http.BuildInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Asks the edge for {@code /cdn-cgi/trace} with Host = the host: which data centre answers this machine, and the
 * edge's view of the connection ({@code colo}, {@code ip}, {@code http}, {@code tls} …). Connects only to the
 * vetted edge address. Returns by the deadline. Immutable and thread-safe.
 */
public final class EdgeTraceProbe implements Probe {
    static final String PATH = "/cdn-cgi/trace";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ProbeRequest request;
    private final HttpProbeClient client;

    /**
     * A probe of the edge at {@code edgeAddress:port} for {@code host}.
     *
     * @throws IllegalArgumentException when Cloudflare does not proxy the port
     */
    public EdgeTraceProbe(VettedAddress edgeAddress, int port, String host, HttpProbeClient client) {
        this.request = new ProbeRequest(edgeAddress, port, host, PATH, Map.of("User-Agent", BuildInfo.USER_AGENT));
        this.client = client;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.EDGE_TRACE;
    }

    @Override
    public String target() {
        return Endpoints.format(request.address().text(), request.port());
    }

    @Override
    public TraceFacts run(ProbeContext context) {
        HttpExchange answer = client.exchange(context, request, cut -> new TraceFacts(cut.facts(), Map.of()));
        Integer status = answer.facts().status();
        return new TraceFacts(answer.facts(), status != null && status == 200 ? fields(answer.body()) : Map.of());
    }

    /** The {@code key=value} lines of a trace body, in order; other lines are skipped. */
    static Map<String, String> fields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0 && KEY.matcher(line.substring(0, eq)).matches()) {
                fields.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        });
        return fields;
    }
}
