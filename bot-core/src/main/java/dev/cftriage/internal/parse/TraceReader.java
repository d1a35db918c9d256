package dev.cftriage.internal.parse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code /cdn-cgi/trace} body: {@code key=value} lines such as {@code fl=}, {@code h=}, {@code ip=},
 * {@code ts=}, {@code colo=}, {@code http=}, {@code loc=}. Recognised when at least three known keys appear, one of
 * them {@code fl}, {@code h} or {@code colo}. Stateless.
 */
final class TraceReader {
    private static final Set<String> KEYS = Set.of("fl", "h", "ip", "ts", "visit_scheme", "uag", "colo", "sliver",
            "http", "loc", "tls", "sni", "warp", "gateway", "rbi", "kex");

    private TraceReader() {
    }

    static void read(List<String> lines, Clues clues) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0 && eq <= 12) {
                String key = line.substring(0, eq);
                if (KEYS.contains(key)) {
                    values.putIfAbsent(key, line.substring(eq + 1).strip());
                }
            }
        }
        boolean anchored = values.containsKey("fl") || values.containsKey("h") || values.containsKey("colo");
        if (values.size() < 3 || !anchored) {
            return;
        }
        clues.saw(PasteFormat.TRACE);
        String source = "the trace";
        if (values.containsKey("h")) {
            clues.host(HostTokens.lenient(values.get("h")), source);
        }
        clues.colo(values.get("colo"), "the trace's colo=");
        String ip = values.get("ip");
        if (ip != null) {
            String literal = HostTokens.ipLiteral(ip);
            if (literal != null) {
                clues.visitorIp(literal);
            }
        }
        Instant ts = Timestamps.epochSeconds(values.get("ts"));
        if (ts != null) {
            clues.time(ts);
        }
    }
}
