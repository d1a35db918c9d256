package dev.cftriage.internal.evidence;

/**
 * How much of a probe's remaining budget its network calls may use: all of it but a small reserve (a tenth, at
 * most 100 ms) for closing sockets and building the facts, so that the probe itself returns by the deadline.
 */
public final class Budgets {
    private static final int MAX_RESERVE_MILLIS = 100;

    private Budgets() {
    }

    /** The milliseconds a blocking call may take now; at least 1, as socket timeouts read 0 as forever. */
    public static int usableMillis(ProbeContext context) {
        int remaining = context.remainingMillis();
        return Math.max(1, remaining - Math.min(MAX_RESERVE_MILLIS, remaining / 10));
    }
}
