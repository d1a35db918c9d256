package dev.cftriage.incidents;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cftriage.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incident mode's database: a pool of connections, migrated to the current schema on open. The embedded default is
 * H2 in a file under the data directory (one process at a time: H2 locks the file); with a PostgreSQL URL several
 * processes share it. The password is handed to the pool and never printed. Thread-safe; close it at the end.
 */
public final class IncidentDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentDatabase.class);

    private final HikariDataSource pool;
    private final boolean shared;

    private IncidentDatabase(HikariDataSource pool, boolean shared) {
        this.pool = pool;
        this.shared = shared;
    }

    /**
     * Opens the database the settings name and applies the migrations it lacks.
     *
     * @throws BadInputException when the data directory cannot be made, or the database cannot be reached or
     *     migrated (the message names the URL without its parameters, never the password)
     */
    public static IncidentDatabase open(IncidentSettings settings) {
        HikariConfig config = new HikariConfig();
        boolean shared = settings.databaseUrl() != null;
        if (shared) {
            config.setJdbcUrl(settings.databaseUrl());
            config.setUsername(settings.databaseUser());
            if (settings.databasePassword() != null) {
                config.setPassword(settings.databasePassword().reveal());
            }
            config.setMaximumPoolSize(8);
        } else {
            Path dir = settings.dataDir().toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new BadInputException(IncidentSettings.DATA_DIR + " " + dir + " cannot be created: "
                        + e.getClass().getSimpleName());
            }
            config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("cf-triage") + ";DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
            config.setMaximumPoolSize(4);
        }
        config.setPoolName("cf-triage-incidents");
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        String where = shared ? DatabaseUrls.redacted(settings.databaseUrl()) : "the embedded database in " + settings.dataDir();
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new BadInputException("cannot open " + where + ": " + firstLine(e));
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException | IllegalStateException e) {
            pool.close();
            throw new BadInputException("cannot open or migrate " + where + ": " + firstLine(e));
        }
        LOG.info("incident store: {}", where);
        return new IncidentDatabase(pool, shared);
    }

    /** The pooled connections. */
    DataSource dataSource() {
        return pool;
    }

    /** True when other processes may use the same database (PostgreSQL); false for the embedded file. */
    boolean shared() {
        return shared;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Texts.clip(message.lines().findFirst().orElse(""), 300);
    }

    @Override
    public void close() {
        pool.close();
    }
}
