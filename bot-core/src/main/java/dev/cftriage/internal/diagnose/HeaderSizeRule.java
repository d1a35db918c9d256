package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.HeaderLimits;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Response headers near Cloudflare's limits (32 KB in total, 16 KB for one header): above {@link
 * HeaderLimits#NEAR_SHARE} of a limit, a 520 (or an error without a code) may come from them when nothing else
 * explains it — Cloudflare adds headers of its own and a cookie can grow per visitor. Headers over a limit are
 * {@link HttpRules}' finding.
 */
final class HeaderSizeRule implements CauseRule {
    static final String CAUSE = "origin-oversized-headers";

    @Override
    public Set<String> causes() {
        return Set.of(CAUSE);
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        if (s.code() != null && !s.codeIn(520)) {
            return List.of();
        }
        List<HttpFacts> exchanges = s.originExchanges();
        boolean otherwiseHealthy = exchanges.stream().allMatch(h -> h.outcome() == HttpOutcome.RESPONSE
                && h.status() != null && h.status() < 500);
        if (!otherwiseHealthy) {
            return List.of();
        }
        return exchanges.stream().filter(HeaderSizeRule::nearLimit).findFirst()
                .map(h -> List.<Finding>of(new Finding.Found(CAUSE, 0.6, List.of(h.summary() + " with "
                        + HeaderLimits.measured(h.headerBytes(), h.largestHeaderBytes())
                        + ": within the limits but near them, and nothing else explains the error"), Map.of(
                        "address", h.address(), "port", String.valueOf(h.port()),
                        "headerBytes", String.valueOf(h.headerBytes()),
                        "largestHeaderBytes", String.valueOf(h.largestHeaderBytes())))))
                .orElse(List.of());
    }

    /** True when the exchange's headers are within Cloudflare's limits but near one of them. */
    static boolean nearLimit(HttpFacts http) {
        return http.headerBytes() != null && http.largestHeaderBytes() != null
                && HeaderLimits.near(http.headerBytes(), http.largestHeaderBytes());
    }
}
