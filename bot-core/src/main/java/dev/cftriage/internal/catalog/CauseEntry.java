package dev.cftriage.internal.catalog;

import java.util.List;

/**
 * What the catalog knows about one cause.
 *
 * @param id the stable cause id, e.g. {@code origin-refused}
 * @param title a short sentence naming the cause
 * @param explanation why this produces the error, in a sentence or two
 * @param fix fix steps; {@code {name}} placeholders are filled with values the evidence supplies
 *     ({@code {host}}, {@code {address}}, {@code {port}}, {@code {expiry}} …), a step whose placeholder has no
 *     value is given in its generic form
 * @param priorOnly true when no probe can observe the cause (an application crash, a revoked certificate …): it is
 *     only ever suggested from the code's prior, and no diagnosis rule is expected to produce it
 */
public record CauseEntry(String id, String title, String explanation, List<String> fix, boolean priorOnly) {

    public CauseEntry {
        fix = fix == null ? List.of() : List.copyOf(fix);
    }
}
