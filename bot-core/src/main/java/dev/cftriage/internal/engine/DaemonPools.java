package dev.cftriage.internal.engine;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-size pools of numbered daemon threads whose idle threads retire after 30 s: the engine's and the service's
 * pools are all of this kind. A full queue rejects the task ({@link java.util.concurrent.RejectedExecutionException}).
 */
public final class DaemonPools {
    private DaemonPools() {
    }

    /** A pool of {@code threads} daemon threads named {@code name-1}, {@code name-2} … queueing on {@code queue}. */
    public static ThreadPoolExecutor fixed(String name, int threads, BlockingQueue<Runnable> queue) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
