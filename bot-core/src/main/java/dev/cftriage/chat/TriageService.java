package dev.cftriage.chat;

import dev.cftriage.internal.engine.DaemonPools;
import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.config.Limits;
import dev.cftriage.report.TriageReport;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.MDC;

/**
 * The engine as a bot uses it: rate limits per user and per channel, and a bounded pool of triage slots with a
 * bounded queue, so that a flood of requests gets a clear "busy" instead of piling up. Identical requests are
 * shared by the engine itself. Both chat adapters use this one class. While a triage runs, its slot thread's log
 * lines carry its id in the MDC key {@code triage} ({@link TriageIds}). Thread-safe.
 */
public final class TriageService implements AutoCloseable {
    private final CfTriage engine;
    private final ThreadPoolExecutor slots;
    private final RateLimiter users;
    private final RateLimiter channels;
    private final Duration busyRetry;

    private TriageService(CfTriage engine) {
        this.engine = engine;
        Limits limits = engine.config().limits();
        this.slots = DaemonPools.fixed("cf-triage-slot", limits.maxConcurrent(),
                new ArrayBlockingQueue<>(Math.max(1, limits.maxQueued())));
        this.users = new RateLimiter(limits.perUserPerMinute());
        this.channels = new RateLimiter(limits.perChannelPerMinute());
        this.busyRetry = engine.config().timeout().plusSeconds(1);
    }

    /** A service over the engine, with the engine's configured limits. */
    public static TriageService create(CfTriage engine) {
        return new TriageService(engine);
    }

    /** The engine behind the service. */
    public CfTriage engine() {
        return engine;
    }

    /**
     * Takes one request from the user's and the channel's allowance. A refused request takes nothing from the
     * other allowance. Keys are opaque (prefix them with the platform to keep Slack and Discord apart).
     */
    public Admission admit(String userKey, String channelKey) {
        Duration userWait = users.tryTake(userKey);
        if (!userWait.isZero()) {
            return new Admission.Limited("user", userWait);
        }
        Duration channelWait = channels.tryTake(channelKey);
        if (!channelWait.isZero()) {
            users.giveBack(userKey);
            return new Admission.Limited("channel", channelWait);
        }
        return new Admission.Admitted();
    }

    /**
     * Runs a triage in a free slot. The future fails with {@link BusyException} at once when every slot and queue
     * place is taken, and with {@link dev.cftriage.input.BadInputException} for unusable input.
     */
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        try {
            String id = TriageIds.next();
            return CompletableFuture.supplyAsync(() -> {
                MDC.put(TriageIds.MDC_KEY, id);
                try {
                    return engine.run(request);
                } finally {
                    MDC.remove(TriageIds.MDC_KEY);
                }
            }, slots);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new BusyException(busyRetry));
        }
    }

    /** How many triages wait for a free slot now (the queue's depth). */
    public int queued() {
        return slots.getQueue().size();
    }

    @Override
    public void close() {
        slots.shutdownNow();
    }
}
