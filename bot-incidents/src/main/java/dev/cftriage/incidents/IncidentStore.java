package dev.cftriage.incidents;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cftriage.TriageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Incidents and their timeline events in the database; each method works inside the caller's transaction. Stateless. */
final class IncidentStore {
    private static final TypeReference<List<String>> LINES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, host, opened_at, closed_at, outcome, channel, root_message, link,"
            + " request_json, state_json, failed_probes, last_activity";

    private IncidentStore() {
    }

    static Optional<IncidentRow> open(Connection c, String host) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM incident WHERE open_host = ?", host);
    }

    static Optional<IncidentRow> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE id = ?")) {
            s.setLong(1, id);
            return first(s);
        }
    }

    /** The host's open incident, or else its latest closed one. */
    static Optional<IncidentRow> latest(Connection c, String host) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM incident WHERE host = ? ORDER BY opened_at DESC, id DESC", host);
    }

    static List<IncidentRow> allOpen(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM incident WHERE open_host IS NOT NULL ORDER BY opened_at, id")) {
            return all(s);
        }
    }

    /**
     * Inserts an open incident.
     *
     * @throws SQLException with SQLSTATE 23505 when the host already has an open incident (another process's)
     */
    static IncidentRow insert(Connection c, String host, Instant now, RootMessage root, TriageRequest request,
                              ReportState state, List<String> failedProbes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO incident (host, open_host, opened_at, channel,"
                + " root_message, request_json, state_json, failed_probes, last_activity, next_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, host);
            s.setString(2, host);
            s.setLong(3, now.toEpochMilli());
            s.setString(4, root.channel());
            s.setString(5, root.message());
            s.setString(6, Json.write(request));
            s.setString(7, Json.write(state));
            s.setString(8, Json.write(failedProbes));
            s.setLong(9, now.toEpochMilli());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new IncidentRow(keys.getLong(1), host, now, null, null, root, null, request, state, failedProbes, now);
            }
        }
    }

    static void updateState(Connection c, long id, ReportState state, List<String> failedProbes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE incident SET state_json = ?, failed_probes = ? WHERE id = ?")) {
            s.setString(1, Json.write(state));
            s.setString(2, Json.write(failedProbes));
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    static void setLink(Connection c, long id, String link) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE incident SET link = ? WHERE id = ?")) {
            s.setString(1, Texts.clip(link, 2000));
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /** Closes the incident (the host may open a new one); false when it was closed already. */
    static boolean close(Connection c, long id, Instant now, String outcome) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE incident SET open_host = NULL, closed_at = ?, outcome = ?"
                + " WHERE id = ? AND open_host IS NOT NULL")) {
            s.setLong(1, now.toEpochMilli());
            s.setString(2, outcome);
            s.setLong(3, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Appends an event at the end of the incident's timeline and returns its sequence number. */
    static int append(Connection c, long id, Instant at, EventKind kind, String actor, String summary,
                      List<String> evidence) throws SQLException {
        int seq;
        try (PreparedStatement s = c.prepareStatement("UPDATE incident SET next_seq = next_seq + 1, last_activity = ?"
                + " WHERE id = ?")) {
            s.setLong(1, at.toEpochMilli());
            s.setLong(2, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT next_seq FROM incident WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                seq = r.getInt(1) - 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO incident_event (incident_id, seq, at, kind, actor,"
                + " summary, evidence_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setInt(2, seq);
            s.setLong(3, at.toEpochMilli());
            s.setString(4, kind.name());
            s.setString(5, actor);
            s.setString(6, Texts.clip(summary, 4000));
            s.setString(7, Json.write(evidence));
            s.executeUpdate();
        }
        return seq;
    }

    static List<TimelineEvent> events(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, at, kind, actor, summary, evidence_json"
                + " FROM incident_event WHERE incident_id = ? ORDER BY seq")) {
            s.setLong(1, id);
            List<TimelineEvent> events = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new TimelineEvent(r.getInt(1), Instant.ofEpochMilli(r.getLong(2)),
                            EventKind.valueOf(r.getString(3)), r.getString(4), r.getString(5),
                            Json.read(r.getString(6), LINES)));
                }
            }
            return events;
        }
    }

    private static Optional<IncidentRow> one(Connection c, String sql, String host) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, host);
            s.setMaxRows(1);
            return first(s);
        }
    }

    private static Optional<IncidentRow> first(PreparedStatement s) throws SQLException {
        List<IncidentRow> rows = all(s);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static List<IncidentRow> all(PreparedStatement s) throws SQLException {
        List<IncidentRow> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long closed = r.getLong(4);
                boolean open = r.wasNull();
                rows.add(new IncidentRow(r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                        open ? null : Instant.ofEpochMilli(closed), r.getString(5),
                        new RootMessage(r.getString(6), r.getString(7)), r.getString(8),
                        Json.read(r.getString(9), TriageRequest.class), Json.read(r.getString(10), ReportState.class),
                        Json.read(r.getString(11), LINES), Instant.ofEpochMilli(r.getLong(12))));
            }
        }
        return rows;
    }
}
