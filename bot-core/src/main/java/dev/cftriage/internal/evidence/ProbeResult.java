package dev.cftriage.internal.evidence;

/**
 * One probe's outcome as the report shows it.
 *
 * @param name the probe kind: {@code dns}, {@code edge}, {@code edge-trace}, {@code origin-tcp}, {@code origin-tls},
 *     {@code origin-http}; from Cloudflare's status page {@code status-page}; from Cloudflare's API
 *     {@code cf-api-zone}, {@code cf-api-dns}, {@code cf-api-ssl}, {@code cf-api-ray}, {@code cf-api-tunnel}
 * @param target what was probed: a host name, or {@code address:port} ({@code [v6]:port})
 * @param status how it ended
 * @param durationMs how long it ran (0 when it did not run)
 * @param reason one line for people: the summary, or why it was skipped, blocked or failed to run
 * @param facts the raw facts, or null when the probe did not run
 */
public record ProbeResult(String name, String target, ProbeStatus status, long durationMs, String reason, ProbeFacts facts) {

    /** A probe that did not run because it did not apply. */
    public static ProbeResult skipped(String name, String target, String reason) {
        return new ProbeResult(name, target, ProbeStatus.SKIPPED, 0, reason, null);
    }

    /** A probe that did not run because its target is refused by policy. */
    public static ProbeResult blocked(String name, String target, String reason) {
        return new ProbeResult(name, target, ProbeStatus.BLOCKED, 0, reason, null);
    }

    /** Where the result came from, derived from the name; written to the JSON report as {@code source}. */
    public FactSource source() {
        return FactSource.of(name);
    }

    /** Facts of the given type, or null when this probe has none of that type. */
    public <T extends ProbeFacts> T facts(Class<T> type) {
        return type.isInstance(facts) ? type.cast(facts) : null;
    }
}
