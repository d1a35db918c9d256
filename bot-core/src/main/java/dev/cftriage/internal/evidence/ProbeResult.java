package dev.cftriage.internal.evidence;

/**
 * One probe's outcome as the report shows it.
 *
 * @param kind the probe kind; the reports name it by its {@link ProbeKind#id()}
 * @param target what was probed: a host name, or {@code address:port} ({@code [v6]:port})
 * @param status how it ended
 * @param durationMs how long it ran (0 when it did not run)
 * @param reason one line for people: the summary, or why it was skipped, blocked or failed to run
 * @param facts the raw facts, or null when the probe did not run
 */
public record ProbeResult(ProbeKind kind, String target, ProbeStatus status, long durationMs, String reason, ProbeFacts facts) {

    /** A probe that did not run because it did not apply. */
    public static ProbeResult skipped(ProbeKind kind, String target, String reason) {
        return new ProbeResult(kind, target, ProbeStatus.SKIPPED, 0, reason, null);
    }

    /** A probe that did not run because its target is refused by policy. */
    public static ProbeResult blocked(ProbeKind kind, String target, String reason) {
        return new ProbeResult(kind, target, ProbeStatus.BLOCKED, 0, reason, null);
    }

    /** The probe kind as the reports name it, e.g. {@code origin-http}: written to the JSON report as {@code name}. */
    public String name() {
        return kind.id();
    }

    /** Where the result came from, the kind's source; written to the JSON report as {@code source}. */
    public FactSource source() {
        return kind.source();
    }

    /** Facts of the given type, or null when this probe has none of that type. */
    public <T extends ProbeFacts> T facts(Class<T> type) {
        return type.isInstance(facts) ? type.cast(facts) : null;
    }

    /** The HTTP exchange this probe made (an origin's, the edge's or the trace's), or null for other probes. */
    public HttpFacts exchange() {
        if (facts instanceof HttpFacts http) {
            return http;
        }
        if (facts instanceof EdgeFacts edge) {
            return edge.http();
        }
        return facts instanceof TraceFacts trace ? trace.http() : null;
    }
}
