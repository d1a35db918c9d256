package dev.cftriage.incidents;

import dev.cftriage.TriageRequest;
import java.time.Instant;

/**
 * What a report's buttons need after the report's process is gone: the request to re-run or watch, the host whose
 * timeline to show, and the support bundle's text.
 *
 * @param token the id the buttons carry (random, URL-safe, 22 characters)
 * @param createdAt when the report was made
 * @param host the host it was about, or null when it named none
 * @param incidentId the incident it belongs to, or null
 * @param request the request that made it
 * @param state what it found
 * @param supportBundle the support bundle's text
 */
public record RememberedReport(String token, Instant createdAt, String host, Long incidentId, TriageRequest request,
                               ReportState state, String supportBundle) {
}
