package dev.cftriage.incidents.testing;

import dev.cftriage.CfTriage;
import dev.cftriage.chat.TriageService;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.incidents.IncidentChannel;
import dev.cftriage.incidents.IncidentDatabase;
import dev.cftriage.incidents.IncidentMode;
import dev.cftriage.incidents.IncidentSettings;
import dev.cftriage.testing.Engines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a bot's incident-mode test runs on: the real engine probing loopback origins on port 8080, its triage service
 * (what a bot's backend wraps), the embedded database under a data directory with a 2 s watch interval, and incident
 * mode on it counting the runs of its watches; plus the Cloudflare alert fixtures written from the documented webhook
 * envelope. Close it at the end (database, service, engine). Thread-safe.
 */
public final class IncidentLab implements AutoCloseable {
    /** The watch interval of the tests. */
    public static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Loopback opted in, port 8080 only, a short budget. */
    public static final TriageConfig CONFIG = Engines.loopbackLab(Duration.ofMillis(1500)).toBuilder().ports(List.of(8080)).build();

    private final CfTriage engine;
    private final TriageService service;
    private final IncidentSettings settings;
    private final IncidentDatabase database;
    private final AtomicInteger watchRuns = new AtomicInteger();

    private IncidentLab(Path dataDir) {
        this.settings = settings(dataDir);
        this.engine = CfTriage.create(CONFIG);
        this.service = TriageService.create(engine);
        this.database = IncidentDatabase.open(settings);
    }

    /** Starts the engine and opens the database under {@code dataDir}. */
    public static IncidentLab start(Path dataDir) {
        return new IncidentLab(dataDir);
    }

    public CfTriage engine() {
        return engine;
    }

    public TriageService service() {
        return service;
    }

    public IncidentSettings settings() {
        return settings;
    }

    public IncidentDatabase database() {
        return database;
    }

    /**
     * Incident mode on the platform's channel, the real clock and the lease name, its watches' runs counted
     * ({@link #watchRuns()}); not started.
     */
    public IncidentMode mode(IncidentChannel channel, String holder) {
        return IncidentMode.create(database, settings, channel, request -> {
            watchRuns.incrementAndGet();
            return engine.runAsync(request);
        }, Clock.systemUTC(), holder);
    }

    /** How many triages the watches have started. */
    public int watchRuns() {
        return watchRuns.get();
    }

    /** Waits until the watches have started {@code n} triages; fails after {@code timeout} (a guard, not a timing). */
    public void awaitWatchRuns(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (watchRuns.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (watchRuns.get() < n) {
            throw new AssertionError("the watches ran " + watchRuns.get() + " times, not " + n);
        }
    }

    /** The embedded database under {@code dataDir}, with a watch every {@link #INTERVAL}. */
    public static IncidentSettings settings(Path dataDir) {
        return IncidentSettings.defaults().withDatabase(dataDir, null, null, null).withInterval(INTERVAL);
    }

    /**
     * A webhook body from the fixtures ({@code alerts/TYPE.json}, the documented envelope) with {@code {{HOST}}} and
     * {@code {{EVENT}}} filled in.
     */
    public static byte[] alert(String type, String host, String event) {
        try (InputStream in = IncidentLab.class.getResourceAsStream("/alerts/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture alerts/" + type + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{HOST}}", host)
                    .replace("{{EVENT}}", event).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        database.close();
        service.close();
        engine.close();
    }
}
