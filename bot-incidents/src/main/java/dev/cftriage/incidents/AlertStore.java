package dev.cftriage.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** The Cloudflare alerts already recorded; works inside the caller's transaction. Stateless. */
final class AlertStore {
    private AlertStore() {
    }

    /** Marks the alert as seen; false when it was seen before. */
    static boolean firstSighting(Connection c, String correlationId, String event, long incidentId, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_seen (correlation_id, alert_event, incident_id,"
                + " seen_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM alert_seen WHERE correlation_id = ?"
                + " AND alert_event = ?)")) {
            s.setString(1, correlationId);
            s.setString(2, event);
            s.setLong(3, incidentId);
            s.setLong(4, now.toEpochMilli());
            s.setString(5, correlationId);
            s.setString(6, event);
            return s.executeUpdate() == 1;
        }
    }
}
