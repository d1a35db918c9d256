package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import dev.cftriage.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentSettingsTest {
    @TempDir
    Path dir;

    @Test
    void withNothingSetTheEmbeddedDatabaseAndTheIssuesDefaultsApply() {
        IncidentSettings s = IncidentSettings.load(Map.of());
        assertEquals(Path.of("cf-triage-data"), s.dataDir());
        assertNull(s.databaseUrl());
        assertEquals(Duration.ofSeconds(30), s.interval());
        assertEquals(Duration.ofHours(6), s.maxDuration());
        assertEquals(50, s.maxActive());
        assertEquals(Duration.ofSeconds(30), s.intervalAt(Duration.ofMinutes(9)));
        assertEquals(Duration.ofMinutes(2), s.intervalAt(Duration.ofMinutes(10)));
    }

    @Test
    void theYamlWatchSectionIsReadAndTheEnvironmentWins() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yml"),
                "timeout: 3s\nwatch:\n  interval: 2s\n  maxDuration: 1m\n  maxActive: 3\n");
        IncidentSettings fromFile = IncidentSettings.load(Map.of(ConfigLoader.CONFIG, file.toString()));
        assertEquals(Duration.ofSeconds(2), fromFile.interval());
        assertEquals(Duration.ofMinutes(1), fromFile.maxDuration());
        assertEquals(3, fromFile.maxActive());
        IncidentSettings overridden = IncidentSettings.load(Map.of(ConfigLoader.CONFIG, file.toString(),
                IncidentSettings.WATCH_INTERVAL, "5s", IncidentSettings.DATA_DIR, dir.toString()));
        assertEquals(Duration.ofSeconds(5), overridden.interval());
        assertEquals(dir, overridden.dataDir());
        assertEquals(Duration.ofSeconds(3), ConfigLoader.load(Map.of(ConfigLoader.CONFIG, file.toString())).timeout(),
                "bot-core reads the same file and leaves the watch section alone");
    }

    @Test
    void aSlowIntervalShorterThanTheFirstIsNeverUsed() {
        IncidentSettings s = IncidentSettings.defaults().withInterval(Duration.ofMinutes(5));
        assertEquals(Duration.ofMinutes(5), s.intervalAt(Duration.ofHours(1)));
    }

    @Test
    void badValuesAreNamedInOneLine() throws IOException {
        assertMessage(Map.of(IncidentSettings.WATCH_INTERVAL, "soon"), "CFTRIAGE_WATCH_INTERVAL: ");
        assertMessage(Map.of(IncidentSettings.WATCH_MAX_ACTIVE, "0"), "watch.maxActive must be at least 1");
        assertMessage(Map.of(IncidentSettings.DATABASE_URL, "jdbc:mysql://db/x"), "must start with jdbc:postgresql:");
        Path file = Files.writeString(dir.resolve("typo.yml"), "watch:\n  intervall: 2s\n");
        assertMessage(Map.of(ConfigLoader.CONFIG, file.toString()), "key watch.intervall is not a setting");
    }

    @Test
    void thePasswordNeverShowsInTheSettingsTextNorInAnOpeningError() {
        IncidentSettings s = IncidentSettings.load(Map.of(IncidentSettings.DATABASE_URL,
                "jdbc:postgresql://127.0.0.1:9/incidents?password=hunter2-in-url", IncidentSettings.DATABASE_USER, "bot",
                IncidentSettings.DATABASE_PASSWORD, "hunter2-secret"));
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertTrue(s.toString().contains("jdbc:postgresql://127.0.0.1:9/incidents?…"), s.toString());
        BadInputException e = assertThrows(BadInputException.class,
                () -> IncidentDatabase.open(s.withInterval(Duration.ofSeconds(1))));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static void assertMessage(Map<String, String> env, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> IncidentSettings.load(env));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
