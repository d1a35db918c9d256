package dev.cftriage;

import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.engine.ProbeTarget;
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

    /** A probe run for the target starts: called once per real run, not for triages that share it. */
    default void probeRunStarted(ProbeTarget target) {
    }

    /** A probe run for the target finished with this evidence. */
    default void probeRunFinished(ProbeTarget target, Evidence evidence) {
    }

    /** A triage finished with this report (whether its evidence was fresh or shared). */
    default void triageFinished(TriageReport report) {
    }
}
