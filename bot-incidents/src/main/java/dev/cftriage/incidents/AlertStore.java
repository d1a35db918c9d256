package dev.cftriage.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Cloudflare alerts already recorded; works inside the caller's transaction. Stateless. */
final class AlertStore {
    private AlertStore() {
    }

    /** Marks the alert's event as seen for the incident; false when it was seen for it before (a retry). */
    static boolean firstSighting(Connection c, String correlationId, String event, long incidentId, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_sighting (correlation_id, alert_event,"
                + " incident_id, seen_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM alert_sighting"
                + " WHERE correlation_id = ? AND alert_event = ? AND incident_id = ?)")) {
            s.setString(1, correlationId);
            s.setString(2, event);
            s.setLong(3, incidentId);
            s.setLong(4, now.toEpochMilli());
            s.setString(5, correlationId);
            s.setString(6, event);
            s.setLong(7, incidentId);
            return s.executeUpdate() == 1;
        }
    }

    /** The incidents the alert's start was recorded in, oldest first. */
    static List<Long> startedIn(Connection c, String correlationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT incident_id FROM alert_sighting WHERE correlation_id = ?"
                + " AND alert_event = 'start' ORDER BY incident_id")) {
            s.setString(1, correlationId);
            try (ResultSet r = s.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
                return ids;
            }
        }
    }
}
