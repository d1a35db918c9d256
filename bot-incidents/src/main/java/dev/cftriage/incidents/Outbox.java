package dev.cftriage.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts recorded before they are made. A row is enqueued in the same transaction as the change it tells of,
 * claimed by exactly one process (a conditional UPDATE), then handed to the platform and marked posted: so nothing
 * is posted twice, by one process after a restart or by two sharing the database. Stateless.
 */
final class Outbox {
    private Outbox() {
    }

    /** Records a post; a second row with the same key is ignored (the first one stands). */
    static void enqueue(Connection c, long incidentId, String key, String kind, String body, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (incident_id, post_key, kind, body, created_at)"
                + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE post_key = ?)")) {
            s.setLong(1, incidentId);
            s.setString(2, key);
            s.setString(3, kind);
            s.setString(4, Texts.clip(body, 3500));
            s.setLong(5, now.toEpochMilli());
            s.setString(6, key);
            s.executeUpdate();
        }
    }

    /** Rows of the incident nobody has claimed yet, oldest first. */
    static List<OutboxRow> unclaimed(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, incident_id, post_key, kind, body FROM outbox"
                + " WHERE claimed_at IS NULL AND incident_id = ? ORDER BY id")) {
            s.setLong(1, incidentId);
            return rows(s);
        }
    }

    /** Rows of any incident recorded before {@code before} and still unclaimed (left by a process that died), oldest first. */
    static List<OutboxRow> leftovers(Connection c, Instant before, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, incident_id, post_key, kind, body FROM outbox"
                + " WHERE claimed_at IS NULL AND created_at < ? ORDER BY id")) {
            s.setLong(1, before.toEpochMilli());
            s.setMaxRows(limit);
            return rows(s);
        }
    }

    private static List<OutboxRow> rows(PreparedStatement s) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new OutboxRow(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5)));
            }
        }
        return rows;
    }

    /** Claims a row for posting; false when another process (or an earlier run) claimed it. */
    static boolean claim(Connection c, long id, String holder, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET claimed_by = ?, claimed_at = ?"
                + " WHERE id = ? AND claimed_at IS NULL")) {
            s.setString(1, holder);
            s.setLong(2, now.toEpochMilli());
            s.setLong(3, id);
            return s.executeUpdate() == 1;
        }
    }

    static void posted(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET posted_at = ? WHERE id = ?")) {
            s.setLong(1, now.toEpochMilli());
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
