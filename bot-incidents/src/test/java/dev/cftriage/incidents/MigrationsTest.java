package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationsTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(WatchScenariosTest.Store.class)
    void theSameMigrationsBuildTheSchemaOnceOnBothDatabases(WatchScenariosTest.Store store) throws Exception {
        IncidentSettings settings = store == WatchScenariosTest.Store.EMBEDDED
                ? Databases.embedded(dataDir) : Databases.postgres();
        try (IncidentDatabase db = IncidentDatabase.open(settings)) {
            assertEquals(store == WatchScenariosTest.Store.POSTGRES, db.shared());
        }
        try (IncidentDatabase again = IncidentDatabase.open(settings);
             Connection c = again.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"type\" = 'SQL'")) {
                r.next();
                assertEquals(migrationFiles(), r.getInt(1), "each migration applied, once");
            }
            for (String table : new String[] {"incident", "incident_event", "watch", "outbox", "report_memory"}) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    assertTrue(r.next(), table);
                }
            }
        }
        if (store == WatchScenariosTest.Store.EMBEDDED) {
            assertTrue(Files.exists(dataDir.resolve("cf-triage.mv.db")), "the embedded database is a file in the data dir");
        }
    }

    /** How many SQL migrations the module ships (read from its resources, not counted by hand). */
    private static int migrationFiles() throws Exception {
        try (var files = java.nio.file.Files.list(Path.of(MigrationsTest.class.getResource("/db/migration").toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
