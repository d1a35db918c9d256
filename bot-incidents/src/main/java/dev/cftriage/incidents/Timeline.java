package dev.cftriage.incidents;

import java.time.Instant;
import java.util.List;

/**
 * An incident's ordered record, for a postmortem.
 *
 * @param incidentId the incident's id
 * @param host the host it is about
 * @param openedAt when it opened (UTC)
 * @param closedAt when it closed, or null while open
 * @param outcome {@code recovered}, {@code closed} or null while open
 * @param verdict the current verdict
 * @param events the entries, oldest first
 */
public record Timeline(long incidentId, String host, Instant openedAt, Instant closedAt, String outcome, String verdict,
                       List<TimelineEvent> events) {

    public Timeline {
        events = List.copyOf(events);
    }
}
