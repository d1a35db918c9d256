package dev.cftriage;

import dev.cftriage.report.TriageReport;

/**
 * Hears what the engine does, OkHttp {@code EventListener} style: every method does nothing by default, so a
 * listener overrides only what it counts. Tests and benchmarks count real probe runs with it; a bot may feed
 * metrics from it.
 *
 * <p>Contract: methods are called on the engine's threads, possibly many at once, so implementations must be
 * thread-safe and quick (no blocking, no I/O). An exception thrown by a listener is logged and ignored: it never
 * fails a probe run or a triage.
 */
public interface TriageListener {

    /** A listener that hears nothing. */
    TriageListener NONE = new TriageListener() {
    };

    /**
     * A probe run for the host starts: called once per real run, not for triages that share it.
     *
     * @param host the host probed, or null when the triage names only origins
     */
    default void probeRunStarted(String host) {
    }

    /**
     * A probe run for the host finished; its probes are in the reports of the triages that share it.
     *
     * @param host the host probed, or null when the triage names only origins
     */
    default void probeRunFinished(String host) {
    }

    /** A triage finished with this report (whether its evidence was fresh or shared). */
    default void triageFinished(TriageReport report) {
    }
}
