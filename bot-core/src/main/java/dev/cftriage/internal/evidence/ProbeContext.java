package dev.cftriage.internal.evidence;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One probe's run: the {@link Deadline} it runs under, and what it has seen so far. A probe that may still be
 * waiting when the deadline comes tells the context how to describe its progress ({@link #reportSoFar}); when the
 * engine stops waiting for it, that description becomes its result, so a fact is never lost to the clock.
 * Thread-safe: the probe reports on its own thread, the engine reads on another.
 */
public final class ProbeContext {
    private final Deadline deadline;
    private final AtomicReference<Supplier<? extends ProbeFacts>> soFar = new AtomicReference<>();

    /** A context for one probe run under the deadline. */
    public ProbeContext(Deadline deadline) {
        this.deadline = deadline;
    }

    /** A context whose deadline is {@code budget} from now on the system's monotonic clock. */
    public static ProbeContext startingNow(Duration budget) {
        return new ProbeContext(Deadline.after(budget, Ticker.systemTicker()));
    }

    /** The deadline the probe must have returned by. */
    public Deadline deadline() {
        return deadline;
    }

    /** Milliseconds left, at least 1 (see {@link Deadline#remainingMillis()}). */
    public int remainingMillis() {
        return deadline.remainingMillis();
    }

    /** The milliseconds a blocking call may take now (see {@link Deadline#usableMillis()}). */
    public int usableMillis() {
        return deadline.usableMillis();
    }

    /** True when the deadline has passed. */
    public boolean expired() {
        return deadline.expired();
    }

    /**
     * Tells how to describe what the probe has seen so far, replacing any earlier description. The supplier is
     * called at most once, on another thread, only if the probe has not returned by the deadline; it must be quick
     * and must not block.
     */
    public void reportSoFar(Supplier<? extends ProbeFacts> facts) {
        soFar.set(facts);
    }

    /** What the probe has seen so far, or null when it reported nothing (or describing it failed). */
    public ProbeFacts factsSoFar() {
        Supplier<? extends ProbeFacts> facts = soFar.get();
        if (facts == null) {
            return null;
        }
        try {
            return facts.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
