package dev.cftriage.report;

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
 */
public record Cause(String id, String title, double confidence, boolean verified, List<String> evidence, List<String> fix) {

    public Cause {
        evidence = List.copyOf(evidence);
        fix = List.copyOf(fix);
    }
}
