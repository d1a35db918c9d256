package dev.cftriage.internal.evidence;

import java.util.Map;

/**
 * The edge's {@code /cdn-cgi/trace} answer: which data centre served this machine, and the edge's view of the
 * connection.
 *
 * @param http the exchange itself
 * @param fields the {@code key=value} lines of the body ({@code colo}, {@code ip}, {@code ts}, {@code http}, {@code tls} …)
 */
public record TraceFacts(HttpFacts http, Map<String, String> fields) implements ProbeFacts {

    public TraceFacts {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    @Override
    public ProbeStatus verdict() {
        return fields.containsKey("colo") ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        return fields.containsKey("colo")
                ? "/cdn-cgi/trace served from " + fields.get("colo") + " over " + fields.getOrDefault("http", "?")
                : "/cdn-cgi/trace gave no trace: " + http.summary();
    }
}
