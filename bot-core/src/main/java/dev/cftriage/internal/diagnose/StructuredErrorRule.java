package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.EdgeFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the edge's structured error ({@code Accept: application/json}) says about where the fault lies: an error
 * of category {@code origin} rules Cloudflare out as a suggestion; another category on a 5xx the edge generated
 * points at Cloudflare itself.
 */
final class StructuredErrorRule implements CauseRule {

    @Override
    public Set<String> causes() {
        return Set.of("cloudflare-side");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        EdgeFacts edge = s.edge();
        if (edge == null || edge.errorCategory() == null) {
            return List.of();
        }
        String said = "the edge's structured error is " + (edge.errorName() == null ? "unnamed" : edge.errorName())
                + " (category " + edge.errorCategory() + (edge.retryable() == null ? ""
                : edge.retryable() ? ", retryable" : ", not retryable") + ")";
        if (edge.errorCategory().equals("origin")) {
            return List.of(new Finding.RuledOut("cloudflare-side", said));
        }
        if (edge.http().status() != null && edge.http().status() >= 500 && edge.cloudflareGenerated()) {
            return List.of(new Finding.Found("cloudflare-side", 0.65, List.of(said), Map.of()));
        }
        return List.of();
    }
}
