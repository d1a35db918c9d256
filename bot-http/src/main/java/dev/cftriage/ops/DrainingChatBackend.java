package dev.cftriage.ops;

import dev.cftriage.TriageRequest;
import dev.cftriage.chat.BusyException;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.report.TriageReport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ChatBackend} that can stop taking work for a graceful shutdown: after {@link #drain()}, every new
 * triage fails at once with a {@link BusyException} (so its user is told to retry), while the triages in flight run
 * on; {@link #awaitIdle} waits until they have finished. A triage counts as finished only once the callbacks the
 * adapter attached to its future without an executor have run, so an answer posted from such a callback is
 * queued (or an async callback handed to its executor) before the bot is idle. Thread-safe.
 */
public final class DrainingChatBackend extends ForwardingChatBackend {
    private final Duration retryAfter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;
    private volatile boolean draining;

    /**
     * @param retryAfter what refused users are told to wait (the next instance's start-up, roughly)
     */
    public DrainingChatBackend(ChatBackend delegate, Duration retryAfter) {
        super(delegate);
        this.retryAfter = retryAfter;
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        lock.lock();
        try {
            if (draining) {
                return CompletableFuture.failedFuture(new BusyException(retryAfter));
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
        CompletableFuture<TriageReport> answer = new CompletableFuture<>();
        CompletableFuture<TriageReport> triage;
        try {
            triage = super.submit(request);
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
        triage.whenComplete((report, error) -> {
            try {
                if (error == null) {
                    answer.complete(report);
                } else {
                    answer.completeExceptionally(error);
                }
            } finally {
                finished();
            }
        });
        return answer;
    }

    /** Refuses every new triage from now on. */
    public void drain() {
        draining = true;
    }

    /** True once {@link #drain()} was called. */
    public boolean draining() {
        return draining;
    }

    /**
     * Waits until no triage is in flight, at most {@code timeout}.
     *
     * @return true when idle, false when the timeout passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void finished() {
        lock.lock();
        try {
            if (--inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
