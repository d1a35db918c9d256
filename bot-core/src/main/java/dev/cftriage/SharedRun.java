package dev.cftriage;

import dev.cftriage.internal.evidence.Evidence;
import java.time.Duration;

/**
 * A probe run's evidence as the engine shares it between triages, with the ticker's reading when the run finished.
 * The sharing window counts from that reading. The engine checks it itself rather than leaving it to the cache's
 * expiry alone: the cache records a finished run only after the triage waiting on it has been woken, so for a moment
 * a finished run still looks in flight to it and would be shared however old it is. Immutable.
 *
 * @param evidence what the run saw
 * @param finishedNanos the engine's ticker when the run finished
 */
record SharedRun(Evidence evidence, long finishedNanos) {

    /** The sharing window in nanoseconds; a window too long to count in them is as good as endless. */
    static long windowNanos(Duration shareFor) {
        return shareFor.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : shareFor.toNanos();
    }

    /** True when the run finished at least {@code windowNanos} before {@code nowNanos}. */
    boolean outlived(long windowNanos, long nowNanos) {
        return nowNanos - finishedNanos >= windowNanos;
    }
}
