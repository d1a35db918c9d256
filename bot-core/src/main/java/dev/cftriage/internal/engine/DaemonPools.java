package dev.cftriage.internal.engine;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Fixed-size pools of numbered daemon threads whose idle threads retire after 30 s: the engine's and the service's
 * pools are all of this kind. A full queue rejects the task ({@link java.util.concurrent.RejectedExecutionException}).
 * A task runs with the MDC of the thread that handed it over (so a probe's log lines carry its triage's id).
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
        }, new ThreadPoolExecutor.AbortPolicy()) {
            @Override
            public void execute(Runnable task) {
                Map<String, String> context = MDC.getCopyOfContextMap();
                super.execute(context == null || context.isEmpty() ? task : () -> {
                    MDC.setContextMap(context);
                    try {
                        task.run();
                    } finally {
                        MDC.clear();
                    }
                });
            }
        };
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
