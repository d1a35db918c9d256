package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.incidents.testing.IncidentLab;
import dev.cftriage.input.BadInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cloudflare's webhook bodies, written from the documented envelope, read into alerts. */
class CloudflareAlertTest {
    private static final String HOST = "shop.example.com";

    @ParameterizedTest
    @CsvSource({
            "http_alert_origin_error, ORIGIN_ERROR",
            "real_origin_monitoring, ORIGIN_HEALTH",
            "health_check_status_notification, ORIGIN_HEALTH",
            "tunnel_health_event, TUNNEL",
            "universal_ssl_event_type, CERTIFICATE"})
    void eachDocumentedAlertTypeNamesItsHostAndItsKind(String type, AlertKind kind) {
        CloudflareAlert alert = CloudflareAlert.parse(IncidentLab.alert(type, HOST, "ALERT_STATE_EVENT_START"));

        assertEquals(type, alert.type());
        assertEquals(kind, alert.kind());
        assertEquals(List.of(HOST), alert.hosts());
        assertFalse(alert.ended());
        assertEquals(Instant.ofEpochSecond(1764496800), alert.sentAt());
        assertTrue(alert.line().contains("(" + type + ") started"), alert.line());
    }

    @Test
    void anEndEventIsReadAsEnded() {
        CloudflareAlert alert = CloudflareAlert.parse(IncidentLab.alert("health_check_status_notification", HOST,
                "ALERT_STATE_EVENT_END"));

        assertTrue(alert.ended());
        assertEquals("11111111-2222-4333-8444-000000000003", alert.correlationId());
    }

    @Test
    void theCodeToDiagnoseComesFromTheAlertType() {
        assertNull(AlertKind.ORIGIN_ERROR.code(), "origin errors: the live edge code");
        assertNull(AlertKind.ORIGIN_HEALTH.code(), "health checks: what the probes see");
        assertEquals(530, AlertKind.TUNNEL.code(), "tunnel health: 1033, a 530");
        assertEquals(AlertKind.UNKNOWN, AlertKind.of("billing_usage_alert"));
    }

    @Test
    void anUnknownTypeWithoutHostsIsReadWithNoHost() {
        CloudflareAlert alert = CloudflareAlert.parse(IncidentLab.alert("unknown_type", HOST, ""));

        assertEquals(AlertKind.UNKNOWN, alert.kind());
        assertEquals(List.of(), alert.hosts());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedWithOneLine() {
        for (String body : List.of("{", "[1,2]", "", "\"text\"", "{\"a\":")) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> CloudflareAlert.parse(body.getBytes(StandardCharsets.UTF_8)), body);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void hostileTextInTheLineHasNoLineBreaksAndIsBounded() {
        String body = "{\"alert_type\":\"x\",\"name\":\"a\\nb\",\"text\":\"" + "y".repeat(5_000) + "\"}";
        String line = CloudflareAlert.parse(body.getBytes(StandardCharsets.UTF_8)).line();

        assertFalse(line.contains("\n"), line);
        assertTrue(line.length() <= 500, "length " + line.length());
    }
}
