package dev.cftriage.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one request body without blocking: it takes what has arrived and asks Jetty to call back when more does, so
 * a slow client holds no thread. It stops at the first of: the whole body, the cap (counted as bytes arrive, so a
 * chunked body is stopped too), an average rate under the minimum once the grace is over, the deadline, the
 * server's budget of buffered bytes, or a failed connection. The outcome is handed over exactly once, on a Jetty
 * thread or the scheduler's. Buffered bytes count against the shared budget until reading ends.
 */
final class BodyReader implements Runnable {
    private final Request request;
    private final long maxBytes;
    private final HttpLimits limits;
    private final AtomicLong buffered;
    private final Consumer<BodyOutcome> then;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicLong reserved = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile long read;
    private volatile Scheduler.Task deadline;

    /**
     * @param buffered the bytes all readers of the server hold; shared
     * @param then what to do with the outcome
     */
    BodyReader(Request request, long maxBytes, HttpLimits limits, AtomicLong buffered, Consumer<BodyOutcome> then) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.limits = limits;
        this.buffered = buffered;
        this.then = then;
    }

    /** Starts reading on the calling thread and arms the deadline. */
    void start(Scheduler scheduler) {
        deadline = scheduler.schedule(() -> finish(new BodyOutcome.TooSlow(read)),
                limits.bodyDeadline(maxBytes).toMillis(), TimeUnit.MILLISECONDS);
        run();
    }

    /** Reads what has arrived; Jetty calls it again when more does. */
    @Override
    public void run() {
        while (!done.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    finish(new BodyOutcome.Failed(read));
                    return;
                }
                BodyOutcome end = take(chunk);
                if (end != null) {
                    finish(end);
                    return;
                }
            } finally {
                chunk.release();
                if (done.get()) {
                    buffered.addAndGet(-reserved.getAndSet(0));
                }
            }
        }
    }

    /** Adds the chunk's bytes; the outcome when reading ends with it, else null. */
    private BodyOutcome take(Content.Chunk chunk) {
        ByteBuffer buffer = chunk.getByteBuffer();
        int n = buffer.remaining();
        if (read + n > maxBytes) {
            return new BodyOutcome.TooLarge(read + n);
        }
        reserved.addAndGet(n);
        if (buffered.addAndGet(n) > limits.maxBufferedBodyBytes()) {
            return new BodyOutcome.Busy(read + n);
        }
        byte[] copy = new byte[n];
        buffer.get(copy);
        bytes.write(copy, 0, n);
        read += n;
        if (chunk.isLast()) {
            return new BodyOutcome.Complete(bytes.toByteArray());
        }
        long elapsedNanos = System.nanoTime() - startNanos;
        if (elapsedNanos > limits.bodyGrace().toNanos()
                && read * TimeUnit.SECONDS.toNanos(1) / elapsedNanos < limits.minBodyBytesPerSecond()) {
            return new BodyOutcome.TooSlow(read);
        }
        return null;
    }

    private void finish(BodyOutcome outcome) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        if (deadline != null) {
            deadline.cancel();
        }
        buffered.addAndGet(-reserved.getAndSet(0));
        then.accept(outcome);
    }
}
