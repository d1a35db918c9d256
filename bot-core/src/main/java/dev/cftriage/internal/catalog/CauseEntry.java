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
 */
public record CauseEntry(String id, String title, String explanation, List<String> fix) {

    public CauseEntry {
        fix = fix == null ? List.of() : List.copyOf(fix);
    }
}
