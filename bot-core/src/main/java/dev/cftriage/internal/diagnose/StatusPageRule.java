package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.StatusPageFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Cloudflare's status page says about the data centre that served the error: an unresolved incident there is
 * Cloudflare's own account of a fault on its side (with the incident's link); a data centre listed as degraded
 * without an incident points the same way, less firmly.
 */
final class StatusPageRule implements CauseRule {

    @Override
    public Set<String> causes() {
        return Set.of("cloudflare-side");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        StatusPageFacts status = s.evidence().first(StatusPageFacts.class);
        String colo = s.colo();
        if (status == null || colo == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (StatusPageFacts.Incident incident : status.incidentsAt(colo)) {
            out.add(new Finding.Found("cloudflare-side", 0.85, List.of("Cloudflare reports an unresolved incident at "
                    + colo + ": " + incident.name() + " (" + incident.status() + ", impact " + incident.impact() + ") "
                    + incident.link() + " [status page]"), Map.of("colo", colo, "incident", incident.link()),
                    FactSource.STATUS_PAGE, true));
        }
        StatusPageFacts.DataCentre degraded = status.degradedAt(colo);
        if (out.isEmpty() && degraded != null) {
            out.add(new Finding.Found("cloudflare-side", 0.6, List.of("the status page lists " + degraded.name()
                    + " as " + degraded.status().replace('_', ' ') + " [status page]"),
                    Map.of("colo", colo, "incident", status.page()), FactSource.STATUS_PAGE, false));
        }
        return out;
    }
}
