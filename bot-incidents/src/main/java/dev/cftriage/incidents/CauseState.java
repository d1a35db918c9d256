package dev.cftriage.incidents;

import java.util.List;

/**
 * One ranked cause as a watch remembers it.
 *
 * @param id the stable cause id, e.g. {@code origin-refused}
 * @param title the sentence naming it
 * @param verified true when the probes confirmed it
 * @param evidence what was seen, one line each
 */
public record CauseState(String id, String title, boolean verified, List<String> evidence) {

    public CauseState {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
