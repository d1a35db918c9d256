package dev.cftriage.report;

/**
 * What the live edge said, when it was probed.
 *
 * @param status the HTTP status a visitor gets now, or null when the edge gave no response
 * @param rayId the Ray ID of the probe's request, or null
 * @param colo the data centre that served it (IATA), or null
 * @param server the {@code server} header
 * @param cfErrorType the {@code cf-error-type} header, or null
 * @param challenged true when the edge served a challenge (not an outage)
 * @param errorCode the 1xxx code in the body, or null
 * @param errorName the structured error's name, or null
 * @param errorCategory the structured error's category, or null
 * @param retryable the structured error's retryable flag, or null
 */
public record EdgeSummary(Integer status, String rayId, String colo, String server, String cfErrorType,
                          boolean challenged, Integer errorCode, String errorName, String errorCategory,
                          Boolean retryable) {
}
