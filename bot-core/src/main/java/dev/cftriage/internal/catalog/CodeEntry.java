package dev.cftriage.internal.catalog;

import java.util.List;

/**
 * What the catalog knows about one error code.
 *
 * @param code the HTTP status (500–530) or Cloudflare 1xxx code
 * @param title the short name, e.g. "Origin is unreachable"
 * @param meaning what the code means, in a sentence or two
 * @param side whose side the fault is usually on: {@code origin}, {@code cloudflare}, {@code dns}, {@code network},
 *     {@code visitor} or {@code either}
 * @param causes the candidate causes, most likely first, each with its prior weight for this code
 * @param owner steps for the site owner
 * @param visitor steps for a visitor
 * @param support what to send Cloudflare support
 */
public record CodeEntry(int code, String title, String meaning, String side, List<CandidateCause> causes,
                        List<String> owner, List<String> visitor, List<String> support) {

    public CodeEntry {
        causes = causes == null ? List.of() : List.copyOf(causes);
        owner = owner == null ? List.of() : List.copyOf(owner);
        visitor = visitor == null ? List.of() : List.copyOf(visitor);
        support = support == null ? List.of() : List.copyOf(support);
    }

    /** The prior weight of a cause for this code, 0 when the code does not list it. */
    public double prior(String causeId) {
        return causes.stream().filter(c -> c.id().equals(causeId)).mapToDouble(CandidateCause::prior).findFirst().orElse(0);
    }
}
