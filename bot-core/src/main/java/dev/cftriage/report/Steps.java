package dev.cftriage.report;

import java.util.List;

/**
 * The catalog's general advice for the code.
 *
 * @param owner steps for the site owner
 * @param visitor steps for a visitor
 * @param support what to send Cloudflare support
 */
public record Steps(List<String> owner, List<String> visitor, List<String> support) {

    /** No advice. */
    public static final Steps NONE = new Steps(List.of(), List.of(), List.of());

    public Steps {
        owner = List.copyOf(owner);
        visitor = List.copyOf(visitor);
        support = List.copyOf(support);
    }
}
