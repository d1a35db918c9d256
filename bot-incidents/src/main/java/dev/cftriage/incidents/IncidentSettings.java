package dev.cftriage.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cftriage.input.BadInputException;
import dev.cftriage.config.ConfigLoader;
import dev.cftriage.config.Durations;
import dev.cftriage.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Incident mode's settings: where its database is and how watches run. Read from the environment and the
 * {@code watch} section of the YAML file that {@code CFTRIAGE_CONFIG} names (the environment wins). Immutable.
 *
 * @param dataDir the directory of the embedded database ({@code CFTRIAGE_DATA_DIR}, default {@code ./cf-triage-data})
 * @param databaseUrl a {@code jdbc:postgresql://…} URL ({@code CFTRIAGE_DATABASE_URL}), or null for the embedded one
 * @param databaseUser the PostgreSQL user, or null
 * @param databasePassword the PostgreSQL password, or null; never printed ({@link Secret})
 * @param interval how often a watch re-runs the triage at first ({@code watch.interval}, default 30 s)
 * @param slowInterval how often once the watch is older than {@code slowAfter} ({@code watch.slowInterval}, 2 min)
 * @param slowAfter when a watch slows down ({@code watch.slowAfter}, default 10 min)
 * @param maxDuration when a watch gives up ({@code watch.maxDuration}, default 6 h)
 * @param maxActive watches one process runs at most ({@code watch.maxActive}, default 50)
 */
public record IncidentSettings(Path dataDir, String databaseUrl, String databaseUser, Secret databasePassword,
                               Duration interval, Duration slowInterval, Duration slowAfter, Duration maxDuration,
                               int maxActive) {
    public static final String DATA_DIR = "CFTRIAGE_DATA_DIR";
    public static final String DATABASE_URL = "CFTRIAGE_DATABASE_URL";
    public static final String DATABASE_USER = "CFTRIAGE_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "CFTRIAGE_DATABASE_PASSWORD";
    public static final String WATCH_INTERVAL = "CFTRIAGE_WATCH_INTERVAL";
    public static final String WATCH_MAX_DURATION = "CFTRIAGE_WATCH_MAX_DURATION";
    public static final String WATCH_MAX_ACTIVE = "CFTRIAGE_WATCH_MAX_ACTIVE";

    private static final List<String> WATCH_KEYS = List.of("interval", "slowInterval", "slowAfter", "maxDuration", "maxActive");
    private static final ObjectMapper YAML = new YAMLMapper();

    public IncidentSettings {
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new BadInputException(DATABASE_URL + " must start with jdbc:postgresql: (leave it unset for the"
                    + " embedded database under " + DATA_DIR + ")");
        }
        if (maxActive < 1) {
            throw new BadInputException("watch.maxActive must be at least 1, not " + maxActive);
        }
    }

    /** The defaults: the embedded database under {@code ./cf-triage-data}, 30 s / 2 min / 10 min / 6 h / 50. */
    public static IncidentSettings defaults() {
        return new IncidentSettings(Path.of("cf-triage-data"), null, null, null, Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(6), 50);
    }

    /**
     * The settings the environment and the YAML file's {@code watch} section describe.
     *
     * @throws BadInputException naming the variable or key when a value is unusable
     */
    public static IncidentSettings load(Map<String, String> env) {
        IncidentSettings s = defaults();
        String file = value(env, ConfigLoader.CONFIG);
        if (file != null) {
            s = s.withWatchSection(Path.of(file.strip()));
        }
        String dataDir = value(env, DATA_DIR);
        String password = value(env, DATABASE_PASSWORD);
        return new IncidentSettings(dataDir == null ? s.dataDir : Path.of(dataDir.strip()),
                stripped(value(env, DATABASE_URL)), stripped(value(env, DATABASE_USER)),
                password == null ? null : Secret.of(password),
                duration(env, WATCH_INTERVAL, s.interval), s.slowInterval, s.slowAfter,
                duration(env, WATCH_MAX_DURATION, s.maxDuration),
                value(env, WATCH_MAX_ACTIVE) == null ? s.maxActive : count(value(env, WATCH_MAX_ACTIVE), WATCH_MAX_ACTIVE));
    }

    /** The same settings with another first interval (tests use a few seconds). */
    public IncidentSettings withInterval(Duration first) {
        return new IncidentSettings(dataDir, databaseUrl, databaseUser, databasePassword, first, slowInterval, slowAfter,
                maxDuration, maxActive);
    }

    /** The same settings with another limit on a watch's length. */
    public IncidentSettings withMaxDuration(Duration max) {
        return new IncidentSettings(dataDir, databaseUrl, databaseUser, databasePassword, interval, slowInterval, slowAfter,
                max, maxActive);
    }

    /** The same settings with another limit on watches per process. */
    public IncidentSettings withMaxActive(int max) {
        return new IncidentSettings(dataDir, databaseUrl, databaseUser, databasePassword, interval, slowInterval, slowAfter,
                maxDuration, max);
    }

    /** The same settings on another database: a PostgreSQL URL with its user and password, or null for the embedded one. */
    public IncidentSettings withDatabase(Path dir, String url, String user, Secret password) {
        return new IncidentSettings(dir, url, user, password, interval, slowInterval, slowAfter, maxDuration, maxActive);
    }

    /** How long a watch that has run for {@code age} waits before its next run: never shorter than {@link #interval}. */
    public Duration intervalAt(Duration age) {
        return age.compareTo(slowAfter) < 0 ? interval : max(interval, slowInterval);
    }

    @Override
    public String toString() {
        return "IncidentSettings[dataDir=" + dataDir + ", databaseUrl=" + DatabaseUrls.redacted(databaseUrl)
                + ", databaseUser=" + databaseUser + ", databasePassword=" + (databasePassword == null ? "none" : "***")
                + ", interval=" + interval + ", slowInterval=" + slowInterval + ", slowAfter=" + slowAfter
                + ", maxDuration=" + maxDuration + ", maxActive=" + maxActive + "]";
    }

    private IncidentSettings withWatchSection(Path file) {
        JsonNode watch;
        try {
            JsonNode tree = YAML.readTree(Files.readString(file));
            watch = tree == null ? null : tree.get("watch");
        } catch (IOException e) {
            throw new BadInputException("cannot read the watch section of config file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        if (watch == null || watch.isNull()) {
            return this;
        }
        String where = "config file " + file + ", key watch.";
        if (!watch.isObject()) {
            throw new BadInputException(where.substring(0, where.length() - 1) + " must be a section");
        }
        for (Iterator<String> names = watch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!WATCH_KEYS.contains(name)) {
                throw new BadInputException(where + Texts.clip(name, 40) + " is not a setting (known: " + WATCH_KEYS + ")");
            }
        }
        return new IncidentSettings(dataDir, databaseUrl, databaseUser, databasePassword,
                duration(watch, "interval", interval, where), duration(watch, "slowInterval", slowInterval, where),
                duration(watch, "slowAfter", slowAfter, where), duration(watch, "maxDuration", maxDuration, where),
                watch.has("maxActive") ? count(watch.get("maxActive").asText(), where + "maxActive") : maxActive);
    }

    private static Duration duration(JsonNode section, String key, Duration fallback, String where) {
        JsonNode node = section.get(key);
        return node == null || node.isNull() ? fallback : parse(node.asText(), where + key);
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String text = value(env, name);
        return text == null ? fallback : parse(text, name);
    }

    private static Duration parse(String text, String where) {
        try {
            return Durations.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
    }

    private static int count(String text, String where) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(where + " must be a whole number, not " + Texts.quoted(text));
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
