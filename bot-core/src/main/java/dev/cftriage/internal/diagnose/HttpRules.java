package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the direct HTTP requests to the origin show: no answer in time, an empty or invalid answer, a reset,
 * oversized headers, a proxy in front of the origin whose application is down ({@link OriginProxies}), or the
 * origin's own 5xx — or a healthy answer, which rules those out.
 */
final class HttpRules implements CauseRule {

    @Override
    public Set<String> causes() {
        return Set.of("origin-slow", "origin-empty-response", "origin-invalid-response", "origin-reset",
                "origin-oversized-headers", "origin-upstream-down", "origin-http-error");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> out = new ArrayList<>();
        List<HttpFacts> exchanges = s.originExchanges();
        for (HttpFacts http : exchanges) {
            Map<String, String> values = values(http, s);
            switch (http.outcome()) {
                case NO_RESPONSE -> out.add(new Finding.Found("origin-slow", 0.85, List.of(http.summary()
                        + " (waited " + s.timeoutMs() + " ms; Cloudflare waits 100 s before a 524)"), values));
                case EMPTY_REPLY -> out.add(new Finding.Found("origin-empty-response", 0.9,
                        List.of(http.summary()), values));
                case PROTOCOL_ERROR -> out.add(new Finding.Found("origin-invalid-response", 0.9,
                        List.of(http.summary()), values));
                case RESET -> out.add(new Finding.Found("origin-reset", 0.9, List.of(http.summary()), values));
                case HEADERS_TOO_LARGE -> out.add(new Finding.Found("origin-oversized-headers", 0.95,
                        List.of(http.summary()), values));
                case RESPONSE -> {
                    String proxy = OriginProxies.recognise(http);
                    if (proxy != null) {
                        String line = http.summary() + ", a stock " + proxy + " error page"
                                + (http.server() == null ? "" : " (server: " + http.server() + ")")
                                + ": the proxy answers, the application behind it does not";
                        out.add(new Finding.Found("origin-upstream-down", 0.95, List.of(line), values));
                        out.add(new Finding.Found("origin-http-error", 0.5, List.of(line), values));
                    } else if (http.status() != null && http.status() >= 500) {
                        out.add(new Finding.Found("origin-http-error", 0.9, List.of(http.summary()
                                + (http.server() == null ? "" : " (server: " + http.server() + ")")), values));
                    } else if (!http.bodyComplete() && http.phases().transferMs() != null
                            && http.phases().transferMs() >= s.timeoutMs() / 2) {
                        out.add(new Finding.Found("origin-slow", 0.6, List.of(http.summary()
                                + ", but the body was still arriving after " + http.phases().transferMs() + " ms"), values));
                    }
                }
                case TLS_FAILED, CONNECT_FAILED -> { }
            }
        }
        if (!exchanges.isEmpty() && exchanges.stream().allMatch(h -> h.outcome() == HttpOutcome.RESPONSE
                && h.status() != null && h.status() < 500 && h.bodyComplete())) {
            String why = "every direct request got a complete non-5xx answer";
            for (String id : List.of("origin-slow", "origin-empty-response", "origin-invalid-response", "origin-reset",
                    "origin-http-error", "origin-upstream-down")) {
                out.add(new Finding.RuledOut(id, why));
            }
            if (exchanges.stream().noneMatch(HeaderSizeRule::nearLimit)) {
                out.add(new Finding.RuledOut("origin-oversized-headers", why + ", with headers well within Cloudflare's limits"));
            }
        }
        return out;
    }

    private static Map<String, String> values(HttpFacts http, Situation s) {
        Map<String, String> v = new HashMap<>();
        v.put("address", http.address());
        v.put("port", String.valueOf(http.port()));
        v.put("timeoutMs", String.valueOf(s.timeoutMs()));
        if (http.status() != null) {
            v.put("status", String.valueOf(http.status()));
        }
        if (http.server() != null) {
            v.put("server", http.server());
        }
        if (http.headerBytes() != null) {
            v.put("headerBytes", String.valueOf(http.headerBytes()));
        }
        if (http.largestHeaderBytes() != null) {
            v.put("largestHeaderBytes", String.valueOf(http.largestHeaderBytes()));
        }
        if (http.phases().processingMs() != null) {
            v.put("elapsedMs", String.valueOf(http.phases().processingMs()));
        }
        if (http.detail() != null) {
            v.put("problem", http.detail());
        }
        return v;
    }
}
