package dev.cftriage.internal.evidence;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A point in time by which work must be done, on a monotonic {@link Ticker}, and the one deadline policy of the
 * engine: a blocking call may use what is left but a reserve (a tenth, at most 100 ms) in which the probe closes
 * its sockets and builds its facts; at the deadline itself the engine stops waiting and takes what the probe has
 * seen so far ({@link ProbeContext#factsSoFar()}). Immutable and thread-safe.
 */
public final class Deadline {
    private static final long MAX_RESERVE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Ticker ticker;
    private final long atNanos;

    private Deadline(Ticker ticker, long atNanos) {
        this.ticker = ticker;
        this.atNanos = atNanos;
    }

    /** The deadline {@code budget} from now on the ticker. */
    public static Deadline after(Duration budget, Ticker ticker) {
        return new Deadline(ticker, ticker.read() + budget.toNanos());
    }

    /** The earlier of this deadline and {@code budget} from now: a stage that may use only part of the time. */
    public Deadline within(Duration budget) {
        long stage = ticker.read() + budget.toNanos();
        return stage - atNanos < 0 ? new Deadline(ticker, stage) : this;
    }

    /** The clock this deadline is read on. */
    public Ticker ticker() {
        return ticker;
    }

    /** Nanoseconds left; 0 once the deadline has passed. */
    public long remainingNanos() {
        return Math.max(0, atNanos - ticker.read());
    }

    /** Milliseconds left, at least 1 so that it can be passed to socket timeouts (where 0 means forever). */
    public int remainingMillis() {
        return toTimeoutMillis(remainingNanos());
    }

    /** The milliseconds a blocking call may take now: what is left but the reserve; at least 1. */
    public int usableMillis() {
        long remaining = remainingNanos();
        return toTimeoutMillis(remaining - Math.min(MAX_RESERVE_NANOS, remaining / 10));
    }

    /** True when the deadline has passed. */
    public boolean expired() {
        return ticker.read() - atNanos >= 0;
    }

    /** Whole milliseconds from {@code startNanos} (a reading of this deadline's ticker) to now. */
    public long millisSince(long startNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(ticker.read() - startNanos));
    }

    private static int toTimeoutMillis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000L));
    }
}
