package dev.cftriage.incidents;

/**
 * A report filed with incident mode.
 *
 * @param memory what the report's buttons carry ({@link RememberedReport#token()})
 * @param incident the host's open incident after filing, or null when the report found nothing failing and no
 *     incident was open
 * @param opened true when this report opened the incident
 */
public record Filed(RememberedReport memory, IncidentSummary incident, boolean opened) {
}
