package dev.cftriage.discord;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where unprompted paste detection runs: off the gateway's event thread, on a fixed number of daemon workers with a
 * bounded queue, so that slash commands and buttons never wait behind a slow paste. When the queue is full a message
 * is dropped with one log line (its id, never its text); {@link #offer} never blocks. Work that throws is logged and
 * does not stop the workers. Thread-safe; close it to stop the workers (queued work is dropped).
 */
final class PasteDetection implements AutoCloseable {
    /** Workers: one keeps the CPU for triages and the gateway; pastes are rare. */
    static final int WORKERS = 1;
    /** Messages waiting to be checked at most; a burst beyond that is dropped. */
    static final int QUEUE_CAPACITY = 32;

    private static final Logger LOG = LoggerFactory.getLogger(PasteDetection.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor workers;

    /** Detection with {@link #WORKERS} workers and room for {@link #QUEUE_CAPACITY} waiting messages. */
    PasteDetection() {
        this(WORKERS, QUEUE_CAPACITY);
    }

    PasteDetection(int workerCount, int queueCapacity) {
        workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues the check of one message; returns false, logging one line, when the queue is full or detection is
     * closed. Never blocks.
     */
    boolean offer(String messageId, Runnable check) {
        try {
            workers.execute(() -> {
                try {
                    check.run();
                } catch (RuntimeException e) {
                    LOG.error("paste detection failed for message {}", messageId, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("paste detection is {}: message {} not checked for a pasted error",
                    workers.isShutdown() ? "closed" : "full (" + workers.getQueue().size() + " waiting)", messageId);
            return false;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        String prefix = "cf-triage-discord-paste-" + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
