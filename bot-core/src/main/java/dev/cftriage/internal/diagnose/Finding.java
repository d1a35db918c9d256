package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.FactSource;
import java.util.List;
import java.util.Map;

/**
 * What a rule concluded about one cause.
 */
sealed interface Finding {

    /** The cause id the finding is about. */
    String causeId();

    /**
     * Live evidence shows the cause.
     *
     * @param causeId the cause
     * @param strength how conclusive the evidence is, 0 to 1, before weighing by the code
     * @param evidence what was seen, one line each, naming real values
     * @param values placeholder values for the cause's fix templates ({@code address}, {@code port} …)
     * @param source where the evidence came from
     * @param certain true when the evidence settles the cause (Cloudflare's own account of it): its strength is the
     *     confidence, not weighed by how typical the cause is for the code
     */
    record Found(String causeId, double strength, List<String> evidence, Map<String, String> values, FactSource source,
                 boolean certain) implements Finding {
        public Found {
            evidence = List.copyOf(evidence);
            values = Map.copyOf(values);
        }

        /** A finding from cf-triage's own probes, weighed by the code. */
        Found(String causeId, double strength, List<String> evidence, Map<String, String> values) {
            this(causeId, strength, evidence, values, FactSource.PROBE, false);
        }
    }

    /**
     * Live evidence shows the cause is not at play; it is left out of the catalog's unverified suggestions.
     *
     * @param causeId the cause
     * @param reason what showed it, for the debug view
     */
    record RuledOut(String causeId, String reason) implements Finding {
    }
}
