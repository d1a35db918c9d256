package dev.cftriage.incidents;

import dev.cftriage.TriageRequest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** The reports behind buttons, in the database; each method works inside the caller's transaction. Thread-safe. */
final class ReportMemory {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 16;
    private static final int TOKEN_MAX = 40;

    private ReportMemory() {
    }

    static RememberedReport remember(Connection c, Instant now, String host, Long incidentId, TriageRequest request,
                                     ReportState state, String supportBundle) throws SQLException {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO report_memory (token, created_at, host, incident_id,"
                + " request_json, state_json, support_bundle) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, token);
            s.setLong(2, now.toEpochMilli());
            s.setString(3, host);
            if (incidentId == null) {
                s.setNull(4, Types.BIGINT);
            } else {
                s.setLong(4, incidentId);
            }
            s.setString(5, Json.write(request));
            s.setString(6, Json.write(state));
            s.setString(7, supportBundle);
            s.executeUpdate();
        }
        return new RememberedReport(token, now, host, incidentId, request, state, supportBundle);
    }

    /** The report the token names; empty for an unknown or malformed token (it came from a button: untrusted). */
    static Optional<RememberedReport> recall(Connection c, String token) throws SQLException {
        if (token == null || token.isEmpty() || token.length() > TOKEN_MAX) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT created_at, host, incident_id, request_json, state_json,"
                + " support_bundle FROM report_memory WHERE token = ?")) {
            s.setString(1, token);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long incident = r.getLong(3);
                Long incidentId = r.wasNull() ? null : incident;
                return Optional.of(new RememberedReport(token, Instant.ofEpochMilli(r.getLong(1)), r.getString(2),
                        incidentId, Json.read(r.getString(4), TriageRequest.class),
                        Json.read(r.getString(5), ReportState.class), r.getString(6)));
            }
        }
    }

    /** Forgets reports made before {@code cutoff} that no open incident needs; returns how many. */
    static int forgetBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM report_memory WHERE created_at < ? AND (incident_id IS"
                + " NULL OR incident_id NOT IN (SELECT id FROM incident WHERE open_host IS NOT NULL))")) {
            s.setLong(1, cutoff.toEpochMilli());
            return s.executeUpdate();
        }
    }
}
