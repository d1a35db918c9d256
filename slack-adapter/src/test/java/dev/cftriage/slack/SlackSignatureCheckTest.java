package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slack.api.app_backend.SlackSignature;
import dev.cftriage.http.Authentication;
import dev.cftriage.http.IncomingRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slack's signature and the ±5 minute window, on a fixed clock, against the SDK's own signer. */
class SlackSignatureCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String BODY = "token=x&command=%2Fcf521&text=example.com";
    private final SlackSignatureCheck check = new SlackSignatureCheck(SlackRequests.SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void signatureFromTheSdkWithinTheWindowEitherWayIsAccepted() {
        for (long offset : new long[] {0, -300, 300}) {
            assertEquals(Authentication.accepted(), checked(NOW.getEpochSecond() + offset, SlackRequests.SECRET, BODY), "offset " + offset);
        }
    }

    @Test
    void timestampsOutsideTheWindowAreRefusedBeforeTheBody() {
        for (long offset : new long[] {-301, 301, 3600}) {
            String ts = Long.toString(NOW.getEpochSecond() + offset);
            assertEquals(Authentication.refused("Slack timestamp outside 5 minutes"),
                    check.beforeBody(request(ts, sign(ts, SlackRequests.SECRET, BODY))), "offset " + offset);
            assertEquals(Authentication.refused("Slack timestamp outside 5 minutes"),
                    checked(NOW.getEpochSecond() + offset, SlackRequests.SECRET, BODY), "offset " + offset);
        }
    }

    @Test
    void missingOrMalformedHeadersAreRefusedBeforeTheBody() {
        assertEquals(Authentication.refused("no Slack signature"),
                check.beforeBody(new IncomingRequest("POST", "/slack/events", Map.of(), Map.of(), "127.0.0.1")));
        for (String ts : new String[] {"", "-5", "1e9", "99999999999999999999", "１７００"}) {
            assertEquals(Authentication.refused("malformed Slack timestamp"), check.beforeBody(request(ts, "v0=00")), ts);
        }
    }

    @Test
    void wrongSecretOrAnotherBodyIsRefused() {
        String ts = Long.toString(NOW.getEpochSecond());
        assertEquals(Authentication.refused("wrong Slack signature"), checked(NOW.getEpochSecond(), "another-secret-0123456789", BODY));
        assertEquals(Authentication.refused("wrong Slack signature"),
                check.check(request(ts, sign(ts, SlackRequests.SECRET, BODY)), (BODY + "&x=1").getBytes(StandardCharsets.UTF_8)));
        assertEquals(Authentication.refused("wrong Slack signature"),
                check.check(request(ts, "v0=zz"), BODY.getBytes(StandardCharsets.UTF_8)));
    }

    private Authentication checked(long timestamp, String secret, String body) {
        String ts = Long.toString(timestamp);
        return check.check(request(ts, sign(ts, secret, body)), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String ts, String secret, String body) {
        return new SlackSignature.Generator(secret).generate(ts, body);
    }

    private static IncomingRequest request(String timestamp, String signature) {
        return new IncomingRequest("POST", "/slack/events", Map.of("x-slack-request-timestamp", List.of(timestamp),
                "x-slack-signature", List.of(signature)), Map.of(), "127.0.0.1");
    }
}
