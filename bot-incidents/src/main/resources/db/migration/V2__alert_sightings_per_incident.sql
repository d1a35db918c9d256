-- One alert may concern several incidents (the proxied hosts of a zone): a sighting is kept per incident, so that a
-- retry is still recognised per incident and an alert's end finds every incident its start was recorded in.
CREATE TABLE alert_sighting (
    correlation_id  VARCHAR(200) NOT NULL,
    alert_event     VARCHAR(40) NOT NULL,
    incident_id     BIGINT NOT NULL REFERENCES incident (id),
    seen_at         BIGINT NOT NULL,
    PRIMARY KEY (correlation_id, alert_event, incident_id)
);
INSERT INTO alert_sighting (correlation_id, alert_event, incident_id, seen_at)
    SELECT correlation_id, alert_event, incident_id, seen_at FROM alert_seen;
DROP TABLE alert_seen;
