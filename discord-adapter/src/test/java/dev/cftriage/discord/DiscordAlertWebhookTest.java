package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.http.BotHttpServer;
import dev.cftriage.incidents.AlertWebhook;
import dev.cftriage.incidents.testing.IncidentLab;
import dev.cftriage.testing.LoopbackAddresses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Cloudflare's alerts webhook started by the Discord bot on {@code PORT}, end to end on loopback: bodies from
 * bot-incidents' fixtures (the documented envelope), the real engine probing a loopback origin that refuses,
 * incident mode on the embedded database, real JDA against {@link FakeDiscord}.
 */
class DiscordAlertWebhookTest {
    private static final String SECRET = "cf-webhook-secret-0123456789";
    private static final String INCIDENTS = "1100000000000000099";
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private final String ip = LoopbackAddresses.next().getHostAddress();
    private IncidentLab lab;
    private FakeDiscord fake;
    private DiscordSettings discord;
    private DiscordBot bot;
    private BotHttpServer alerts;
    private URI webhook;

    @BeforeEach
    void start() throws Exception {
        lab = IncidentLab.start(dataDir);
        fake = FakeDiscord.start(false);
        discord = fake.settings(FakeDiscord.CHANNEL_NAME);
        bot = DiscordBot.start(discord, ChatBackend.of(lab.service()), IncidentLab.CONFIG.timeout(),
                channel -> lab.mode(channel, "discord-alerts-test"));
        bot.awaitReady(WITHIN);
        bot.incidents().start();
        serveAlerts(INCIDENTS);
    }

    /** Serves the webhook (in place of the one served before) with {@code DISCORD_INCIDENT_CHANNEL} set to the value. */
    private void serveAlerts(String incidentChannel) throws Exception {
        if (alerts != null) {
            alerts.close();
        }
        alerts = DiscordMain.alertsServer(Map.of("PORT", "0", AlertWebhook.SECRET_SETTING, SECRET,
                DiscordAlertResponder.CHANNEL_SETTING, incidentChannel), discord, bot, ChatBackend.of(lab.service()),
                IncidentLab.CONFIG.timeout());
        webhook = URI.create("http://127.0.0.1:" + alerts.port() + AlertWebhook.PATH);
    }

    @AfterEach
    void stop() throws Exception {
        alerts.close();
        fake.disconnect(bot);
        fake.close();
        lab.close();
    }

    @Test
    void aSignedStartForARefusingOriginOpensAnIncidentWithTheTriageAndAWatchAndTheEndIsToldOnceInItsThread()
            throws Exception {
        assertEquals(401, send(alert("ALERT_STATE_EVENT_START"), "wrong").statusCode());
        byte[] start = alert("ALERT_STATE_EVENT_START");
        assertEquals(200, send(start, SECRET).statusCode());

        String channel = "/api/v10/channels/" + INCIDENTS + "/messages";
        FakeDiscord.Exchange root = fake.awaitCall("POST", channel, e -> true, WITHIN);
        assertTrue(content(root).contains("(health\\_check\\_status\\_notification) started"), content(root));
        String thread = "/api/v10/channels/" + root.responseJson().path("id").asText() + "/messages";
        FakeDiscord.Exchange report = fake.awaitCall("POST", thread, e -> e.json().has("embeds"), WITHIN);
        String embed = report.json().path("embeds").toString();
        assertTrue(embed.contains(ip + ":8080") && embed.contains("refused"), embed);
        assertTrue(report.json().findValuesAsText("custom_id").stream().anyMatch(id -> id.startsWith(DiscordIncidents.WATCH)));
        fake.awaitCall("POST", thread, e -> content(e).startsWith("Watching " + ip));

        assertEquals(200, send(start, SECRET).statusCode(), "a retry of the same START is answered 200");
        assertEquals(200, send(alert("ALERT_STATE_EVENT_END"), SECRET).statusCode());
        assertEquals(200, send(alert("ALERT_STATE_EVENT_END"), SECRET).statusCode());
        fake.awaitCall("POST", thread, e -> content(e).startsWith("Cloudflare reports the alert ended"), WITHIN);

        List<FakeDiscord.Exchange> posts = fake.exchanges().stream()
                .filter(e -> e.method().equals("POST") && (e.path().equals(channel) || e.path().equals(thread))).toList();
        // the END's line comes after everything the START made, so the repeats posted nothing before it
        assertEquals(List.of("root", "report", "Watching", "ended"), posts.stream().map(e -> e.path().equals(channel)
                ? "root" : e.json().has("embeds") ? "report" : content(e).startsWith("Watching") ? "Watching"
                : content(e).startsWith("Cloudflare reports the alert ended") ? "ended" : content(e)).toList());
    }

    @Test
    void anIncidentChannelGivenByItsNameIsFoundAndTheAlertOpensItsIncidentThere() throws Exception {
        serveAlerts("#" + FakeDiscord.CHANNEL_NAME);

        assertEquals(200, send(alert("ALERT_STATE_EVENT_START"), SECRET).statusCode());

        String channel = "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages";
        FakeDiscord.Exchange root = fake.awaitCall("POST", channel, e -> true, WITHIN);
        assertTrue(content(root).contains("(health\\_check\\_status\\_notification) started"), content(root));
        String thread = "/api/v10/channels/" + root.responseJson().path("id").asText() + "/messages";
        fake.awaitCall("POST", thread, e -> e.json().has("embeds"), WITHIN);
    }

    @Test
    void aNameNoChannelHasIsLoggedOnceAtStartAndItsAlertsAreAnsweredButNotPosted() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            serveAlerts("no-such-channel");

            List<String> lookup = lines(logs, DiscordAlertResponder.CHANNEL_SETTING + " names #no-such-channel");
            assertEquals(1, lookup.size(), lookup.toString());
            assertTrue(lookup.get(0).contains("sees no text channel by that name") && lookup.get(0).contains(
                    "Cloudflare's alerts will not be posted") && !lookup.get(0).contains(FakeDiscord.TOKEN), lookup.get(0));

            assertEquals(200, send(alert("ALERT_STATE_EVENT_START"), SECRET).statusCode());

            long deadline = System.nanoTime() + WITHIN.toNanos(); // a guard: the sentinel is the "not handled" line
            while (lines(logs, "a Cloudflare alert was not handled").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("a Cloudflare alert was not handled: Unresolved"),
                    lines(logs, "a Cloudflare alert was not handled"));
            assertEquals(List.of(), fake.exchanges().stream().filter(e -> e.method().equals("POST")
                    && e.path().startsWith("/api/v10/channels/")).toList(), "nothing was posted");
        } finally {
            root.detachAppender(logs);
        }
    }

    private static List<String> lines(ListAppender<ILoggingEvent> logs, String start) {
        synchronized (logs) { // AppenderBase appends holding the appender's lock
            return logs.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith(start)).toList();
        }
    }

    private static String content(FakeDiscord.Exchange e) {
        return e.json().path("content").asText();
    }

    private byte[] alert(String event) {
        return IncidentLab.alert("health_check_status_notification", ip, event);
    }

    /** Sends on a new client: a refused request's connection is closed by the server and must not be reused. */
    private HttpResponse<String> send(byte[] body, String secret) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .header(AlertWebhook.AUTH_HEADER, secret).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
