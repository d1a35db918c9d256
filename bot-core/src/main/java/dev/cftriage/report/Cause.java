package dev.cftriage.report;

import dev.cftriage.internal.evidence.FactSource;
import java.util.List;

/**
 * One likely cause, ranked.
 *
 * @param id the stable cause id, e.g. {@code origin-refused}
 * @param title a short sentence naming the cause
 * @param confidence 0 to 1; causes are sorted by it, highest first
 * @param verified true when live evidence supports the cause; false when it only comes from the code's catalog entry
 * @param evidence what was seen, one line each, naming real values (empty when not verified)
 * @param fix numbered steps to fix it, naming real values where known
 * @param sources where the evidence came from ({@code probe}, {@code status-page}, {@code api}); empty when not
 *     verified. Evidence lines from the status page and the API also end in a {@code [status page]} or {@code [API]} tag
 */
public record Cause(String id, String title, double confidence, boolean verified, List<String> evidence, List<String> fix,
                    List<FactSource> sources) {

    public Cause {
        evidence = List.copyOf(evidence);
        fix = List.copyOf(fix);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A cause whose sources are not told (the first release's form). */
    public Cause(String id, String title, double confidence, boolean verified, List<String> evidence, List<String> fix) {
        this(id, title, confidence, verified, evidence, fix, List.of());
    }
}
