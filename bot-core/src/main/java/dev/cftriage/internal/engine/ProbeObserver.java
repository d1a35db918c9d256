package dev.cftriage.internal.engine;

import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeResult;

/**
 * Hears single probes start and finish, for the engine's listener. Called on the engine's threads, possibly many
 * at once: implementations are thread-safe and quick, and never throw.
 */
public interface ProbeObserver {

    /** The probe was handed to a probe thread. */
    void started(Probe probe);

    /** The probe's result is in: its own, or what it had seen when the deadline came. */
    void finished(ProbeResult result);
}
