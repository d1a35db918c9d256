package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.ops.OpsHttp;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack bot as {@link SlackMain} starts it in HTTP mode, on loopback against {@link FakeSlack} and a loopback
 * origin: its {@code /metrics}, {@code /healthz} and {@code /readyz} on the port it shares with
 * {@code /slack/events}.
 */
class SlackOperationsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final InetAddress origin = LoopbackAddresses.next();
    private final String ip = origin.getHostAddress();
    private FakeSlack slack;
    private SlackMain.Running bot;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        bot = SlackMain.start(env(slack));
    }

    @AfterEach
    void stop() throws Exception {
        bot.stop();
        slack.close();
    }

    @Test
    void metricsAfterOneTriageShowTheTriageItsProbesAndTheSlackCalls() throws Exception {
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.EMPTY_REPLY)) {
            new SlackRequests(bot.port()).command("/cf520", ip + " origin=" + ip, SlackRequests.CHANNEL,
                    slack.responseUrl("cmd"));
            // The report is posted before the root is updated: its chat.postMessage is counted by now.
            slack.await("/api/chat.update", 1, WAIT);
        }

        HttpResponse<String> metrics = OpsHttp.get(bot.port(), "/metrics");

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), metrics.headers().toString());
        String text = metrics.body();
        assertHas(text, "cftriage_triages_total\\{code=\"520\",top_cause=\"[a-z0-9-]+\"} 1\\.0");
        assertHas(text, "cftriage_probe_duration_seconds_bucket\\{kind=\"origin-http\",le=\"\\+Inf\"} 1");
        assertHas(text, "cftriage_probes_total\\{kind=\"origin-http\",status=\"fail\"} 1\\.0");
        assertHas(text, "cftriage_chat_calls_total\\{method=\"chat.postMessage\",result=\"ok\"} 2\\.0");
        assertHas(text, "cftriage_queue_depth 0\\.0");
        assertHas(text, "cftriage_watches_active 0\\.0");
    }

    @Test
    void healthAndReadinessAnswer200WhileTheBotServes() throws Exception {
        HttpResponse<String> health = OpsHttp.get(bot.port(), "/healthz");
        HttpResponse<String> ready = OpsHttp.get(bot.port(), "/readyz");

        assertEquals(200, health.statusCode());
        assertEquals("ok\n", health.body());
        assertEquals(200, ready.statusCode());
        assertEquals("ready\n", ready.body());
    }

    @Test
    void rateLimitedCommandsAreCountedByScope() throws Exception {
        SlackRequests requests = new SlackRequests(bot.port());
        for (int i = 0; i < 7; i++) {
            requests.command("/cf522", "unresolvable.invalid", SlackRequests.CHANNEL, slack.responseUrl("cmd" + i));
        }

        assertHas(OpsHttp.get(bot.port(), "/metrics").body(), "cftriage_refusals_rate_limited_total\\{scope=\"user\"} [1-9]");
    }

    private static void assertHas(String metrics, String line) {
        assertTrue(Pattern.compile("(?m)^" + line).matcher(metrics).find(), "no line like " + line + " in\n" + metrics);
    }

    /** The bot's settings: the fake Slack, any free port, probes allowed to loopback only, a short budget. */
    static Map<String, String> env(FakeSlack slack) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("SLACK_APP_TOKEN");
        env.putAll(slack.botEnv());
        env.put("PORT", "0");
        env.put("CFTRIAGE_RESOLVER", "127.0.0.1:9");
        env.put("CFTRIAGE_ALLOW_TARGET", "127.0.0.0/8");
        env.put("CFTRIAGE_PORTS", "8080");
        env.put("CFTRIAGE_TIMEOUT", "1500ms");
        return env;
    }
}
