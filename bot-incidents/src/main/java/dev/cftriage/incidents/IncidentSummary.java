package dev.cftriage.incidents;

import java.time.Instant;

/**
 * An open incident as {@code /cftriage incidents} lists it and as a second triage of its host is answered.
 *
 * @param id its id
 * @param host the host it is about
 * @param since when it opened (UTC)
 * @param verdict the current verdict, one line
 * @param link the link to its thread, or null when the platform could not give one
 * @param watched true while a watch follows it
 */
public record IncidentSummary(long id, String host, Instant since, String verdict, String link, boolean watched) {
}
