package dev.cftriage.internal.origin;

import dev.cftriage.internal.evidence.ProbeContext;
import java.io.Closeable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket when a probe's deadline passes, for the blocking calls a socket timeout alone cannot bound
 * (a peer that dribbles one byte before each timeout). One daemon thread serves every probe. Thread-safe.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final AtomicBoolean fired = new AtomicBoolean();
    private final ScheduledFuture<?> task;

    private Watchdog(Closeable target, long delayMillis) {
        this.task = TIMER.schedule(() -> fire(target), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Closes {@code target} when the context's usable budget is spent, unless this watchdog is closed first. */
    static Watchdog closeAtDeadline(Closeable target, ProbeContext context) {
        return new Watchdog(target, context.usableMillis());
    }

    /** True when the deadline passed and the target was closed. */
    boolean fired() {
        return fired.get();
    }

    /** Stops watching; the target is left alone. */
    @Override
    public void close() {
        task.cancel(false);
    }

    private void fire(Closeable target) {
        fired.set(true);
        Quietly.close(target);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "cf-triage-probe-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
