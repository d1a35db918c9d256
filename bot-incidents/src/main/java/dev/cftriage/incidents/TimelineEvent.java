package dev.cftriage.incidents;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an incident's timeline.
 *
 * @param seq its place in the incident's order, from 1
 * @param at when it happened (UTC)
 * @param kind what it records
 * @param actor who did it ({@code user in channel}), or null for cf-triage's own doing
 * @param summary one line for people
 * @param evidence what was seen at that point, one line each (empty when nothing was probed)
 */
public record TimelineEvent(int seq, Instant at, EventKind kind, String actor, String summary, List<String> evidence) {

    public TimelineEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
