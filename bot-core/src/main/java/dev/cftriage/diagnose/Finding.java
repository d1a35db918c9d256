package dev.cftriage.diagnose;

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
     */
    record Found(String causeId, double strength, List<String> evidence, Map<String, String> values) implements Finding {
        public Found {
            evidence = List.copyOf(evidence);
            values = Map.copyOf(values);
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
