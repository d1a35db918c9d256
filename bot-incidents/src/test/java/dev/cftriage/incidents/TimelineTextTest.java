package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTextTest {
    private static final Instant OPENED = Instant.parse("2026-11-30T10:00:00Z");

    private static Timeline recoveredOutage() {
        return new Timeline(7, "shop.example", OPENED, OPENED.plusSeconds(724), "recovered",
                "521 Web server is down: Origin refused the connection (origin-refused, confirmed)", List.of(
                new TimelineEvent(1, OPENED, EventKind.OPENED, "alice in C-oncall",
                        "first report: 521 Web server is down", List.of("origin-tcp 192.0.2.10:443: fail")),
                new TimelineEvent(2, OPENED.plusSeconds(31), EventKind.ACTION, "alice in C-oncall", "Watch", List.of()),
                new TimelineEvent(3, OPENED.plusSeconds(95), EventKind.JOINED, "bob in C-support",
                        "asked for a triage of shop.example; answered with the incident's verdict", List.of()),
                new TimelineEvent(4, OPENED.plusSeconds(724), EventKind.CHANGE, null,
                        "origin-tcp 192.0.2.10:443: fail → ok", List.of()),
                new TimelineEvent(5, OPENED.plusSeconds(754), EventKind.RECOVERED, null,
                        "recovered at 2026-11-30 10:12:04 UTC; the outage lasted 12m 04s", List.of())));
    }

    @Test
    void theTextTellsEachEventInOrderWithUtcTimesAndTheTimeSinceTheStart() throws IOException {
        assertEquals(golden("timelines/recovered-outage.txt"), TimelineText.text(recoveredOutage()));
    }

    @Test
    void theJsonHasTheEventsInOrderWithIsoTimes() throws IOException {
        JsonNode json = new ObjectMapper().readTree(TimelineText.json(recoveredOutage()));
        assertEquals("shop.example", json.get("host").asText());
        assertEquals("2026-11-30T10:00:00Z", json.get("openedAt").asText());
        assertEquals("recovered", json.get("outcome").asText());
        JsonNode events = json.get("events");
        assertEquals(5, events.size());
        assertEquals("JOINED", events.get(2).get("kind").asText());
        assertEquals("2026-11-30T10:01:35Z", events.get(2).get("at").asText());
        assertEquals("bob in C-support", events.get(2).get("actor").asText());
        assertTrue(events.get(0).get("evidence").get(0).asText().contains("fail"));
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals("12s", TimelineText.duration(java.time.Duration.ofSeconds(12)));
        assertEquals("4m 05s", TimelineText.duration(java.time.Duration.ofSeconds(245)));
        assertEquals("2h 03m", TimelineText.duration(java.time.Duration.ofMinutes(123)));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TimelineTextTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
