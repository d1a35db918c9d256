package dev.cftriage.incidents;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incident mode for one bot process: the {@link IncidentDesk} the platform calls and the {@link Watcher} that
 * follows incidents. {@link #start} resumes the watches left by a stopped or killed process and ticks the watcher
 * on a daemon thread every quarter interval (at most 5 s). Thread-safe; close it before the database.
 */
public final class IncidentMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentMode.class);

    private final IncidentDesk desk;
    private final Watcher watcher;
    private final IncidentContext context;
    private ScheduledExecutorService ticker;

    private IncidentMode(IncidentContext context, Function<TriageRequest, CompletableFuture<TriageReport>> triage) {
        this.context = context;
        Deliveries deliveries = new Deliveries(context);
        this.desk = new IncidentDesk(context, deliveries);
        this.watcher = new Watcher(context, deliveries, triage);
    }

    /** Incident mode on the engine, the real clock and a lease name made of this machine's name and process id. */
    public static IncidentMode create(IncidentDatabase database, IncidentSettings settings, IncidentChannel channel,
                                      CfTriage engine) {
        return create(database, settings, channel, engine::runAsync, Clock.systemUTC(), defaultHolder());
    }

    /**
     * Incident mode with the triage, the clock and the lease name given: tests drive the clock and call
     * {@link Watcher#tick()} themselves instead of {@link #start()}.
     *
     * @param triage runs one triage (the engine's {@code runAsync})
     * @param holder this process's name on leases; distinct per process sharing a database
     */
    public static IncidentMode create(IncidentDatabase database, IncidentSettings settings, IncidentChannel channel,
                                      Function<TriageRequest, CompletableFuture<TriageReport>> triage, Clock clock,
                                      String holder) {
        IncidentContext context = new IncidentContext(new Jdbc(database.dataSource()), database.shared(), settings,
                clock, Texts.clip(holder, 200), channel);
        IncidentMode mode = new IncidentMode(context, triage);
        mode.watcher.resumeAfterRestart();
        return mode;
    }

    /** What the platform calls. */
    public IncidentDesk desk() {
        return desk;
    }

    /** The watcher; {@link #start()} ticks it. */
    public Watcher watcher() {
        return watcher;
    }

    /** Ticks the watcher on a daemon thread from now on; a failing tick is logged and the next one runs. */
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cf-triage-watcher");
            t.setDaemon(true);
            return t;
        });
        long period = context.pollPeriod().toMillis();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                watcher.tick();
            } catch (RuntimeException e) {
                LOG.warn("a watcher tick failed: {}", Texts.loggable(e.getMessage()));
            }
        }, 0, Math.max(1, period), TimeUnit.MILLISECONDS);
    }

    /** The name this process uses on leases: host name, process id and a random suffix. */
    static String defaultHolder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        return Texts.clip(host, 100) + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(suffix);
    }

    /**
     * Stops ticking and lets this process's leases run out at once, so that another replica takes its watches over
     * at its next tick (a run still in flight here is then dropped, not recorded twice).
     */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        try {
            context.jdbc().inTransaction(c -> WatchStore.release(c, context.holder()));
        } catch (StoreException e) {
            LOG.warn("leases not released on close: {}", Texts.loggable(e.getMessage()));
        }
    }
}
