package dev.cftriage;

import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.RayFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The report lines about Cloudflare's own sources: an API or status page call that gave no answer (a missing
 * scope, a rate limit, a timeout) is a line, not a failure of the triage; a Ray ID missing from the sampled
 * analytics is called inconclusive.
 */
final class SourceNotes {
    private SourceNotes() {
    }

    static List<String> of(Evidence evidence) {
        List<String> notes = new ArrayList<>();
        for (ProbeResult result : evidence.probes()) {
            if (result.source() != FactSource.PROBE && result.status() == ProbeStatus.ERROR) {
                notes.add(result.name() + ": " + result.reason());
            }
            RayFacts ray = result.facts(RayFacts.class);
            if (ray != null && !ray.found()) {
                notes.add("Ray ID " + ray.rayId() + " is not in Cloudflare's sampled analytics; that is inconclusive,"
                        + " not a sign the request did not happen");
            }
        }
        return notes;
    }
}
