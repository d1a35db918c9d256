package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.incidents.AlertWebhook;
import dev.cftriage.incidents.testing.IncidentLab;
import dev.cftriage.testing.LoopbackAddresses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloudflare's alerts webhook on the Slack bot's HTTP port, end to end on loopback: bodies written from the
 * documented envelope (bot-incidents' fixtures), the real engine probing a loopback origin that refuses, incident mode
 * on the embedded database, the fake Slack's record out.
 */
class SlackAlertWebhookTest {
    static final String SECRET = "cf-webhook-secret-0123456789";
    static final String INCIDENTS = "C0INCIDENT1";
    private static final String POST = "/api/chat.postMessage";
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private final String ip = LoopbackAddresses.next().getHostAddress();
    private IncidentLab lab;
    private RunningBot bot;
    private FakeSlack slack;
    private URI webhook;

    @BeforeEach
    void start() throws Exception {
        lab = IncidentLab.start(dataDir);
        bot = RunningBot.start(ChatBackend.of(lab.service()), IncidentLab.CONFIG.timeout(),
                Map.of(AlertWebhook.SECRET_SETTING, SECRET, SlackAlertResponder.CHANNEL_SETTING, INCIDENTS),
                channel -> lab.mode(channel, "slack-alerts-test"));
        bot.bot().incidents().start();
        slack = bot.slack();
        webhook = URI.create("http://127.0.0.1:" + bot.http().port() + AlertWebhook.PATH);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        lab.close();
    }

    @Test
    void aSignedStartForARefusingOriginOpensAnIncidentWithTheTriageAndAWatchAndTheEndIsToldOnceInItsThread()
            throws Exception {
        byte[] start = alert("health_check_status_notification", "ALERT_STATE_EVENT_START");
        assertEquals(200, send(start, SECRET).statusCode());

        FakeSlack.Call root = slack.await(POST, 1, WITHIN).get(0);
        assertEquals(INCIDENTS, root.get("channel"));
        assertNull(root.get("thread_ts"));
        assertTrue(root.get("text").contains("(health_check_status_notification) started"), root.get("text"));
        FakeSlack.Call report = slack.await(POST, 2, WITHIN).get(1);
        assertTrue(report.shown().contains(ip + ":8080") && report.shown().contains("refused"), report.shown());
        assertTrue(report.get("thread_ts") != null, "the report is in the alert message's thread");
        report.buttonValue(SlackIncidents.WATCH);
        FakeSlack.Call watching = slack.await(POST, 3, WITHIN).get(2);
        assertTrue(watching.get("text").startsWith("Watching " + ip), watching.get("text"));
        assertEquals(report.get("thread_ts"), watching.get("thread_ts"));

        assertEquals(200, send(start, SECRET).statusCode(), "a retry of the same START is answered 200");
        assertEquals(200, send(alert("health_check_status_notification", "ALERT_STATE_EVENT_END"), SECRET).statusCode());
        assertEquals(200, send(alert("health_check_status_notification", "ALERT_STATE_EVENT_END"), SECRET).statusCode());
        FakeSlack.Call ended = slack.await(POST, 4, WITHIN).get(3);

        // the sentinel: the END's line is the next post after the watch started, so the repeated START posted nothing
        assertTrue(ended.get("text").startsWith("Cloudflare reports the alert ended: "), ended.get("text"));
        assertEquals(report.get("thread_ts"), ended.get("thread_ts"), "in the incident's thread");
        assertEquals(1, slack.calls(POST).stream().filter(c -> INCIDENTS.equals(c.get("channel"))
                && c.get("thread_ts") == null).count(), "one incident message");
    }

    @Test
    void missingOrWrongAuthOversizedAndMalformedBodiesAreRefusedAndNothingIsPosted() throws Exception {
        byte[] start = alert("tunnel_health_event", "ALERT_STATE_EVENT_START");

        assertEquals(401, send(start, null).statusCode());
        assertEquals(401, send(start, SECRET + "x").statusCode());
        assertEquals(401, send(start, SECRET.substring(1)).statusCode());
        assertEquals(413, send(new byte[1 << 20], SECRET).statusCode());
        HttpResponse<String> malformed = send("{".getBytes(StandardCharsets.UTF_8), SECRET);
        assertEquals(400, malformed.statusCode());
        assertEquals(1, malformed.body().strip().lines().count(), malformed.body());
        assertTrue(malformed.body().startsWith("the body is not JSON"), malformed.body());

        // the bot keeps serving: an unknown alert type is accepted and posted as a plain notice, the first post
        HttpResponse<String> unknown = send(alert("unknown_type", ""), SECRET);
        assertEquals(200, unknown.statusCode());
        FakeSlack.Call notice = slack.await(POST, 1, WITHIN).get(0);
        assertTrue(notice.get("text").startsWith("Cloudflare alert \"Billing\" (billing_usage_alert) started"),
                notice.get("text"));
        assertEquals(List.of(notice), slack.calls(POST), "nothing was posted for the refused requests");
    }

    private byte[] alert(String type, String event) {
        return IncidentLab.alert(type, ip, event);
    }

    /** Sends on a new client: a refused request's connection is closed by the server and must not be reused. */
    private HttpResponse<String> send(byte[] body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(AlertWebhook.AUTH_HEADER, secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
