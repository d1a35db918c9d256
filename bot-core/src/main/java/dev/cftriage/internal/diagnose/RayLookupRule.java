package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.RayFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Cloudflare's analytics recorded for the Ray ID: an origin that answered Cloudflare with a 5xx is the origin's
 * own error, as Cloudflare saw it. A Ray ID not in the sample proves nothing and yields no finding.
 */
final class RayLookupRule implements CauseRule {

    @Override
    public Set<String> causes() {
        return Set.of("origin-http-error");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        RayFacts ray = s.evidence().first(RayFacts.class);
        if (ray == null || !ray.found() || ray.originStatus() == null || ray.originStatus() < 500) {
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        values.put("status", String.valueOf(ray.originStatus()));
        if (ray.originIp() != null && !ray.originIp().isEmpty()) {
            values.put("address", ray.originIp());
        }
        return List.of(new Finding.Found("origin-http-error", 0.95, List.of(ray.summary() + " [API]"), values,
                FactSource.API, true));
    }
}
