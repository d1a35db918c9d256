package dev.cftriage.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Watches and their leases in the database; each method works inside the caller's transaction. A lease is taken
 * with one conditional UPDATE ({@code WHERE lease_expires_at < now OR holder = me}), so that of several processes
 * sharing the database exactly one holds a watch at a time. Stateless.
 */
final class WatchStore {
    private static final String COLUMNS = "incident_id, status, started_at, next_run_at, healthy_streak, healthy_since, runs, holder,"
            + " lease_expires_at";

    private WatchStore() {
    }

    static Optional<WatchRow> byIncident(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM watch WHERE incident_id = ?")) {
            s.setLong(1, incidentId);
            List<WatchRow> rows = rows(s);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    /** Starts (or restarts) the incident's watch, held by {@code holder}; its first run is due at {@code firstRun}. */
    static void start(Connection c, long incidentId, Instant now, String startedBy, Instant firstRun, String holder,
                      Instant leaseUntil) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM watch WHERE incident_id = ?")) {
            d.setLong(1, incidentId);
            d.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO watch (incident_id, status, started_at, started_by,"
                + " next_run_at, healthy_streak, runs, holder, lease_expires_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)")) {
            s.setLong(1, incidentId);
            s.setString(2, WatchRow.ACTIVE);
            s.setLong(3, now.toEpochMilli());
            s.setString(4, startedBy);
            s.setLong(5, firstRun.toEpochMilli());
            s.setString(6, holder);
            s.setLong(7, leaseUntil.toEpochMilli());
            s.executeUpdate();
        }
    }

    /** Active watches whose run is due and whose lease is free or ours, oldest due first. */
    static List<WatchRow> due(Connection c, Instant now, String holder, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM watch WHERE status = ?"
                + " AND next_run_at <= ? AND (lease_expires_at < ? OR holder = ?) ORDER BY next_run_at")) {
            s.setString(1, WatchRow.ACTIVE);
            s.setLong(2, now.toEpochMilli());
            s.setLong(3, now.toEpochMilli());
            s.setString(4, holder);
            s.setMaxRows(limit);
            return rows(s);
        }
    }

    /** Takes or keeps the lease of one active watch; false when another process holds it. */
    static boolean acquire(Connection c, long incidentId, String holder, Instant now, Instant until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE watch SET holder = ?, lease_expires_at = ?"
                + " WHERE incident_id = ? AND status = ? AND (lease_expires_at < ? OR holder = ?)")) {
            s.setString(1, holder);
            s.setLong(2, until.toEpochMilli());
            s.setLong(3, incidentId);
            s.setString(4, WatchRow.ACTIVE);
            s.setLong(5, now.toEpochMilli());
            s.setString(6, holder);
            return s.executeUpdate() == 1;
        }
    }

    /** Extends every lease the holder still has; returns how many. */
    static int renew(Connection c, String holder, Instant now, Instant until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE watch SET lease_expires_at = ?"
                + " WHERE holder = ? AND status = ? AND lease_expires_at >= ?")) {
            s.setLong(1, until.toEpochMilli());
            s.setString(2, holder);
            s.setString(3, WatchRow.ACTIVE);
            s.setLong(4, now.toEpochMilli());
            return s.executeUpdate();
        }
    }

    /** Active watches whose lease the holder has now. */
    static int held(Connection c, String holder, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM watch WHERE holder = ? AND status = ?"
                + " AND lease_expires_at >= ?")) {
            s.setString(1, holder);
            s.setString(2, WatchRow.ACTIVE);
            s.setLong(3, now.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Lets the holder's leases run out at once (a clean stop); returns how many. */
    static int release(Connection c, String holder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE watch SET lease_expires_at = 0 WHERE holder = ?"
                + " AND status = ?")) {
            s.setString(1, holder);
            s.setString(2, WatchRow.ACTIVE);
            return s.executeUpdate();
        }
    }

    /** Lets every lease run out at once: for the embedded database, which only one process can open. */
    static void expireAll(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE watch SET lease_expires_at = 0 WHERE status = ?")) {
            s.setString(1, WatchRow.ACTIVE);
            s.executeUpdate();
        }
    }

    /**
     * Records a run's result, when the holder still holds the watch and no other run was recorded since it read
     * {@code runs}; false otherwise (the result must then be dropped).
     */
    static boolean recordRun(Connection c, long incidentId, String holder, int runs, Instant nextRunAt, int streak,
                             Instant healthySince, String status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE watch SET runs = ?, next_run_at = ?, healthy_streak = ?,"
                + " healthy_since = ?, status = ? WHERE incident_id = ? AND holder = ? AND runs = ? AND status = ?")) {
            s.setInt(1, runs + 1);
            s.setLong(2, nextRunAt.toEpochMilli());
            s.setInt(3, streak);
            if (healthySince == null) {
                s.setNull(4, Types.BIGINT);
            } else {
                s.setLong(4, healthySince.toEpochMilli());
            }
            s.setString(5, status);
            s.setLong(6, incidentId);
            s.setString(7, holder);
            s.setInt(8, runs);
            s.setString(9, WatchRow.ACTIVE);
            return s.executeUpdate() == 1;
        }
    }

    /** Ends an active watch with the status; false when it was not active. */
    static boolean end(Connection c, long incidentId, String status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE watch SET status = ?, holder = NULL"
                + " WHERE incident_id = ? AND status = ?")) {
            s.setString(1, status);
            s.setLong(2, incidentId);
            s.setString(3, WatchRow.ACTIVE);
            return s.executeUpdate() == 1;
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static List<WatchRow> rows(PreparedStatement s) throws SQLException {
        List<WatchRow> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new WatchRow(r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                        Instant.ofEpochMilli(r.getLong(4)), r.getInt(5), instant(r, 6), r.getInt(7), r.getString(8),
                        Instant.ofEpochMilli(r.getLong(9))));
            }
        }
        return rows;
    }
}
