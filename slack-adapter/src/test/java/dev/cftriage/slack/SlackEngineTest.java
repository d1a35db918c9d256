package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.CfTriage;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.TriageService;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every Slack entry point with the real engine: signed requests in over HTTP on loopback, live probes against a
 * misbehaving loopback origin on port 8080, the answers as the fake Slack Web API saw them. No real DNS (the
 * targets are IP literals) and no real Slack.
 */
class SlackEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String POST = "/api/chat.postMessage";
    private static final String UPDATE = "/api/chat.update";
    /** Loopback opted in, one port, a short budget, runs shared for the default window (a re-run still probes anew). */
    private static final TriageConfig CONFIG = Engines.loopbackLab(Duration.ofMillis(1500)).toBuilder()
            .ports(List.of(8080)).build();

    private final InetAddress origin = LoopbackAddresses.next();
    private final String ip = origin.getHostAddress();
    private CfTriage engine;
    private TriageService service;
    private RunningBot bot;
    private FakeSlack slack;
    private SlackRequests requests;

    @BeforeEach
    void start() throws Exception {
        engine = CfTriage.create(CONFIG);
        service = TriageService.create(engine);
        bot = RunningBot.start(ChatBackend.of(service), CONFIG.timeout());
        slack = bot.slack();
        requests = bot.requests();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        service.close();
        engine.close();
    }

    @Test
    void commandAgainstAnOriginThatHangsUpReportsTheEmptyReplyInTheThread() throws Exception {
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.EMPTY_REPLY)) {
            FakeSlack.Call report = command("/cf520", ip + " origin=" + ip);

            assertTrue(report.shown().contains("closed the connection without a response"), report.shown());
            assertTrue(server.accepted() > 0);
        }
    }

    @Test
    void mentionInAThreadReportsTheResettingOriginInThatThread() throws Exception {
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.RESET)) {
            requests.event("EvM1", SlackRequests.mention("1700000100.000200", "1700000050.000100", "521 " + ip), Map.of());

            String report = onlyPostIn("1700000050.000100").shown();
            assertTrue(report.startsWith("❌ 521 · " + ip + " — "), report);
            assertTrue(report.contains("*Do this first:* "), report);
            assertTrue(report.contains("http://" + ip + ":8080 (Host: " + ip + ") reset the connection"), report);
        }
    }

    @Test
    void pastedErrorIsReportedInItsThreadOnceThoughSlackDeliversItTwice() throws Exception {
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.BAD_GATEWAY)) {
            String paste = SlackRequests.message(SlackRequests.USER, null, "1700000200.000300",
                    "521 error on " + ip + " ray 8b2e5f3a1c9d4e7f-FRA");
            requests.event("EvP1", paste, Map.of());
            requests.event("EvP1", paste, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

            String report = onlyPostIn("1700000200.000300").shown();
            assertTrue(report.contains("Ray 8b2e5f3a1c9d4e7f-FRA"), report);
            assertTrue(report.contains("http://" + ip + ":8080 (Host: " + ip + ") answered 502"), report);
            bot.settle();
            assertEquals(2, slack.calls(POST).size(), "the report and the settle mention's answer: " + slack.calls(POST));
        }
    }

    @Test
    void shortcutReportsTheOriginAnsweringGarbageInTheMessagesThread() throws Exception {
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.GARBAGE)) {
            requests.shortcut("1700000400.000001", "visitors get 520 from " + ip, slack.responseUrl("sc"));

            String report = onlyPostIn("1700000400.000001").shown();
            assertTrue(report.startsWith("❌ 520 · " + ip + " — The origin's answer is not valid HTTP"), report);
            assertTrue(report.contains("http://" + ip + ":8080 (Host: " + ip + ") did not answer in HTTP"), report);
        }
    }

    @Test
    void rerunAfterTheOriginCameUpProbesAgainAndSaysWhatChangedInTheSameThread() throws Exception {
        FakeSlack.Call refused = command("/cf521", ip + " origin=" + ip);
        assertTrue(refused.shown().contains(ip + ":8080 refused the connection"), refused.shown());

        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.OK)) {
            FakeSlack.Call rerun = press(ReportButtons.RERUN, refused);

            String report = rerun.shown();
            assertTrue(report.contains("Re-run, what changed since the last run:"), report);
            assertTrue(report.contains("origin-tcp " + ip + ":8080: fail → ok"), report);
            assertTrue(server.accepted() > 0);
        }
    }

    @Test
    void supportBundleButtonPostsTheBundleWithRayIdHostAndProbes() throws Exception {
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.EMPTY_REPLY)) {
            FakeSlack.Call report = command("/cf520", ip + " 8b2e5f3a1c9d4e7f-FRA origin=" + ip);

            String bundle = press(ReportButtons.BUNDLE, report).shown();
            assertTrue(bundle.contains("Ray ID: 8b2e5f3a1c9d4e7f (FRA"), bundle);
            assertTrue(bundle.contains("Host: " + ip), bundle);
            assertTrue(bundle.contains("- origin-http " + ip + ":8080: fail — http://" + ip + ":8080 (Host: " + ip
                    + ") closed the connection without a response"), bundle);
        }
    }

    @Test
    void forgedOrStaleRequestsGet401AndProbeNothing() throws Exception {
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.OK)) {
            String body = SlackRequests.commandForm("/cf521", ip + " origin=" + ip, SlackRequests.CHANNEL, slack.responseUrl("x"));

            assertEquals(401, requests.send(body, SlackRequests.FORM, SlackRequests.now(), "not-the-signing-secret-000",
                    Map.of()).statusCode());
            assertEquals(401, requests.send(body, SlackRequests.FORM, SlackRequests.now() - 600, SlackRequests.SECRET,
                    Map.of()).statusCode());
            bot.settle();
            assertEquals(0, server.accepted());
            assertEquals(1, slack.calls(POST).size(), "only the settle mention's answer: " + slack.calls(POST));
        }
    }

    @Test
    void rateLimitedPostsDuringATriageAreRetriedAndEachPostedOnce() throws Exception {
        slack.script("chat.postMessage", form -> form.get("thread_ts") == null, FakeSlack.rateLimited(1));
        slack.script("chat.postMessage", form -> form.get("thread_ts") != null, FakeSlack.rateLimited(1));
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.EMPTY_REPLY)) {
            FakeSlack.Call report = command("/cf520", ip + " origin=" + ip);

            assertTrue(report.shown().contains("closed the connection without a response"), report.shown());
            assertEquals(List.of(429, 200, 429, 200), slack.calls(POST).stream().map(FakeSlack.Call::status).toList());
            assertEquals(1, slack.calls(UPDATE).size());
        }
    }

    @Test
    void cf521AgainstARefusingOriginPutsTheVerdictAndTheNextStepInTheChannelAndTheDetailsInTheThread() throws Exception {
        FakeSlack.Call details = command("/cf521", ip);
        FakeSlack.Call channelMessage = slack.calls(UPDATE).get(0);

        List<String> lines = channelMessage.shown().lines().toList();
        assertEquals("❌ 521 · " + ip + " — The origin refuses connections (Confirmed)", lines.get(0));
        assertTrue(lines.get(1).startsWith("*Do this first:* Start the web server on " + ip), lines.get(1));
        assertTrue(BlockKitRendererTest.shownChars(channelMessage.shown()) <= BlockKitRenderer.MAX_CHANNEL_CHARS,
                channelMessage.shown());
        assertTrue(details.shown().contains("*Why*"), details.shown());
        assertTrue(details.shown().contains("*Other candidates*"), details.shown());
        assertTrue(details.shown().contains("❌ origin-tcp"), details.shown());
    }

    /**
     * Runs a slash command and checks its flow: a root message, the details in its thread, the verdict and the
     * next step on the root.
     *
     * @return the details in the thread
     */
    private FakeSlack.Call command(String command, String text) throws Exception {
        requests.command(command, text, SlackRequests.CHANNEL, slack.responseUrl("cmd"));
        List<FakeSlack.Call> posts = slack.await(POST, 2, WAIT);
        FakeSlack.Call root = posts.get(0);
        FakeSlack.Call report = posts.get(1);
        FakeSlack.Call verdict = slack.await(UPDATE, 1, WAIT).get(0);
        assertNull(root.get("thread_ts"));
        assertEquals(verdict.get("ts"), report.get("thread_ts"));
        assertTrue(verdict.get("text").contains(" " + command.substring(3) + " · "), verdict.get("text"));
        assertTrue(verdict.shown().contains("*Do this first:* "), verdict.shown());
        assertTrue(report.shown().contains(ip + ":8080"), report.shown());
        return report;
    }

    /**
     * Presses a button on the command's channel message and returns the answer, checked to be the next post, in the
     * thread of the details.
     */
    private FakeSlack.Call press(String actionId, FakeSlack.Call report) throws Exception {
        int before = slack.calls(POST).size();
        FakeSlack.Call channelMessage = slack.calls(UPDATE).get(slack.calls(UPDATE).size() - 1);
        requests.button(actionId, channelMessage.buttonValue(actionId), report.get("thread_ts"), slack.responseUrl("btn"));
        FakeSlack.Call answer = slack.await(POST, before + 1, WAIT).get(before);
        assertEquals(report.get("thread_ts"), answer.get("thread_ts"));
        return answer;
    }

    /** The one post so far, checked to be in the thread given. */
    private FakeSlack.Call onlyPostIn(String threadTs) throws InterruptedException {
        FakeSlack.Call post = slack.await(POST, 1, WAIT).get(0);
        assertEquals(threadTs, post.get("thread_ts"));
        return post;
    }
}
