package dev.cftriage.internal.evidence;

import java.time.Duration;

/**
 * The budget a probe runs under: an absolute deadline on the monotonic clock. Immutable.
 *
 * @param deadlineNanos the {@link System#nanoTime()} value by which the probe must have returned
 */
public record ProbeContext(long deadlineNanos) {

    /** A context whose deadline is {@code budget} from now. */
    public static ProbeContext startingNow(Duration budget) {
        return new ProbeContext(System.nanoTime() + budget.toNanos());
    }

    /** Milliseconds left, at least 1 so that it can be passed to socket timeouts (where 0 means forever). */
    public int remainingMillis() {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    /** True when the deadline has passed. */
    public boolean expired() {
        return System.nanoTime() - deadlineNanos >= 0;
    }
}
