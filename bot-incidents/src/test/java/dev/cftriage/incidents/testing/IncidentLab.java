package dev.cftriage.incidents.testing;

import dev.cftriage.CfTriage;
import dev.cftriage.chat.TriageService;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.incidents.IncidentDatabase;
import dev.cftriage.incidents.IncidentSettings;
import dev.cftriage.testing.Engines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a bot's incident-mode test runs on: the real engine probing loopback origins on port 8080, its triage service,
 * and the embedded database under a data directory with a 2 s watch interval; plus the Cloudflare alert fixtures
 * written from the documented webhook envelope. Close it at the end (database, service, engine).
 *
 * @param engine the engine
 * @param service the triage service on it (what a bot's backend wraps)
 * @param settings incident mode's settings
 * @param database the embedded database
 */
public record IncidentLab(CfTriage engine, TriageService service, IncidentSettings settings, IncidentDatabase database)
        implements AutoCloseable {
    /** The watch interval of the tests. */
    public static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Loopback opted in, port 8080 only, a short budget. */
    public static final TriageConfig CONFIG = Engines.loopbackLab(Duration.ofMillis(1500)).withPorts(List.of(8080));

    /** Starts the engine and opens the database under {@code dataDir}. */
    public static IncidentLab start(Path dataDir) {
        IncidentSettings settings = settings(dataDir);
        CfTriage engine = CfTriage.create(CONFIG);
        return new IncidentLab(engine, TriageService.create(engine), settings, IncidentDatabase.open(settings));
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
