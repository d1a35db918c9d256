package dev.cftriage.report;

import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;

/**
 * One probe as a renderer lists it: what chat adapters read of a report's probes, in public types only.
 *
 * @param name the probe kind, e.g. {@code origin-http} (as in the JSON report)
 * @param target what was probed: a host name, or {@code address:port}
 * @param status how it ended, as the JSON report's id: {@code ok}, {@code fail}, {@code skipped}, {@code blocked} or
 *     {@code error}
 * @param ran false when the probe did not run (skipped or blocked), true otherwise
 * @param durationMs how long it ran (0 when it did not run)
 * @param source where the result came from, as the JSON report's id: {@code probe}, {@code status-page} or {@code api}
 * @param reason one line for people, or null
 * @param timings the phase timings of an HTTP exchange, e.g. "resolve 0 · connect 3 · tls 12 · processing 250 ·
 *     transfer 4 ms", or null for other probes and exchanges that never connected
 */
public record ProbeLine(String name, String target, String status, boolean ran, long durationMs, String source,
                        String reason, String timings) {

    static ProbeLine of(ProbeResult p) {
        boolean ran = p.status() != ProbeStatus.SKIPPED && p.status() != ProbeStatus.BLOCKED;
        return new ProbeLine(p.name(), p.target(), p.status().id(), ran, p.durationMs(), p.source().id(), p.reason(),
                Headlines.timings(p));
    }
}
