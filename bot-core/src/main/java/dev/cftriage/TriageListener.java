package dev.cftriage;

import dev.cftriage.report.TriageReport;
import java.time.Duration;

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

    /**
     * One probe of a run starts.
     *
     * @param kind the probe's kind as the report names it, e.g. {@code origin-http}
     * @param target what it probes as the report shows it, e.g. {@code 192.0.2.1:443}
     */
    default void probeStarted(String kind, String target) {
    }

    /**
     * One probe of a run finished: on its own, or cut short at the deadline with what it had seen so far.
     *
     * @param kind the probe's kind, as for {@link #probeStarted}
     * @param target what it probed
     * @param status how it ended, as the JSON report writes it: {@code ok}, {@code fail} or {@code error}
     * @param duration how long it ran, on the engine's ticker
     */
    default void probeFinished(String kind, String target, String status, Duration duration) {
    }

    /** A triage finished with this report (whether its evidence was fresh or shared). */
    default void triageFinished(TriageReport report) {
    }
}
