package dev.cftriage.incidents;

import dev.cftriage.TriageRequest;
import java.time.Instant;
import java.util.List;

/**
 * An incident as stored.
 *
 * @param id its id
 * @param host the host it is about
 * @param openedAt when it opened
 * @param closedAt when it closed, or null while open
 * @param outcome {@code recovered}, {@code closed} or null while open
 * @param root the message it hangs on
 * @param link the root message's link, or null until asked
 * @param request the request that opened it (a watch re-runs it)
 * @param state the last state seen
 * @param failedProbes the keys of every probe that failed during the incident: recovery needs each to pass again
 * @param lastActivity when anything last happened to it
 */
record IncidentRow(long id, String host, Instant openedAt, Instant closedAt, String outcome, RootMessage root,
                   String link, TriageRequest request, ReportState state, List<String> failedProbes,
                   Instant lastActivity) {
}
