package dev.cftriage.slack;

import dev.cftriage.service.ChatBackend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.service.Admission;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Bolt app over HTTP on loopback against a fake Slack Web API, with a backend that returns hand-built
 * reports: signatures, the command flow, events, the shortcut, the buttons, retries and fallbacks.
 */
class SlackAppTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String POST = "/api/chat.postMessage";

    private final StubBackend backend = new StubBackend();
    private FakeSlack slack;
    private SlackMain.SlackBot bot;
    private SlackHttpServer server;
    private SlackRequests requests;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        bot = SlackMain.bot(Map.of("SLACK_BOT_TOKEN", "xoxb-test-token-0123456789",
                "SLACK_SIGNING_SECRET", SlackRequests.SECRET, "SLACK_API_URL", slack.apiUrl()), backend, Duration.ofSeconds(5));
        server = new SlackHttpServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.start();
        requests = new SlackRequests(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        bot.close();
        slack.close();
    }

    @Test
    void slashCommandPostsRootThenReportInThreadThenVerdict() throws Exception {
        HttpResponse<String> ack = requests.command("/cf523", "<https://example.com|example.com>", "C0000001",
                slack.responseUrl("cmd"));
        assertEquals(200, ack.statusCode());

        List<FakeSlack.Call> posts = slack.await(POST, 2, WAIT);
        FakeSlack.Call root = posts.get(0);
        assertNull(root.get("thread_ts"));
        assertTrue(root.get("text").contains("Triaging 523 for example.com"), root.get("text"));
        FakeSlack.Call report = posts.get(1);
        assertEquals("1700000000.1001", report.get("thread_ts"));
        assertTrue(report.get("blocks").contains("Nothing listens on the origin"), report.get("blocks"));
        assertTrue(report.get("blocks").contains(ReportButtons.RERUN));
        FakeSlack.Call update = slack.await("/api/chat.update", 1, WAIT).get(0);
        assertEquals("1700000000.1001", update.get("ts"));
        assertTrue(update.get("text").startsWith("523 Origin is unreachable"), update.get("text"));
        assertEquals(List.of(TriageRequest.of(523, "<https://example.com|example.com>")), backend.requests);
    }

    @Test
    void forgedSignatureIsRefusedAndStartsNothing() throws Exception {
        String body = SlackRequests.formBody(Map.of("command", "/cf523", "text", "example.com", "channel_id", "C0000001",
                "user_id", "UHUMAN00001", "team_id", "T0000001", "response_url", slack.responseUrl("x")));
        HttpResponse<String> forged = requests.send(body, "application/x-www-form-urlencoded", SlackRequests.now(),
                "not-the-signing-secret-000", Map.of());
        HttpResponse<String> stale = requests.send(body, "application/x-www-form-urlencoded", SlackRequests.now() - 600,
                SlackRequests.SECRET, Map.of());

        assertEquals(401, forged.statusCode());
        assertEquals(401, stale.statusCode());
        Thread.sleep(300);
        assertTrue(backend.requests.isEmpty());
        assertTrue(slack.calls(POST).isEmpty());
    }

    @Test
    void rateLimitedPostIsRetriedAfterRetryAfterAndPostedOnce() throws Exception {
        slack.script("chat.postMessage", FakeSlack.rateLimited(1));
        requests.command("/cf523", "example.com", "C0000001", slack.responseUrl("cmd"));

        List<FakeSlack.Call> accepted = slack.await(POST, 2, WAIT);
        List<FakeSlack.Call> all = slack.calls(POST);
        assertEquals(429, all.get(0).status());
        assertEquals(1, accepted.stream().filter(c -> c.get("thread_ts") == null).count());
        assertEquals(1, accepted.stream().filter(c -> c.get("thread_ts") != null).count());
    }

    @Test
    void channelTheBotIsNotInGetsTheReportThroughResponseUrl() throws Exception {
        slack.closedChannels.add("C0CLOSED01");
        requests.command("/cftriage", "522 example.com", "C0CLOSED01", slack.responseUrl("closed"));

        FakeSlack.Call answer = slack.await("/respond/closed", 1, WAIT).get(0);
        assertTrue(answer.get("body").contains("\"response_type\":\"in_channel\""), answer.get("body"));
        assertTrue(answer.get("body").contains("Nothing listens on the origin"));
        assertTrue(slack.calls("/api/chat.update").isEmpty());
        assertEquals(List.of(TriageRequest.of(522, "example.com")), backend.requests);
    }

    @Test
    void limitedUserGetsTheFriendlyMessageAndNoTriage() throws Exception {
        backend.limited = true;
        HttpResponse<String> ack = requests.command("/cf521", "example.com", "C0000001", slack.responseUrl("x"));

        assertEquals(200, ack.statusCode());
        assertTrue(ack.body().contains("try again in 7 s"), ack.body());
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void mentionInsideAThreadIsAnsweredInThatThread() throws Exception {
        requests.event("Ev001", mention("1700000100.000200", "1700000050.000100"), Map.of());

        FakeSlack.Call answer = slack.await(POST, 1, WAIT).get(0);
        assertEquals("1700000050.000100", answer.get("thread_ts"));
        assertEquals(List.of(TriageRequest.of(522, "example.com")), backend.requests);
    }

    @Test
    void pastedErrorIsAnsweredInItsThreadOnceThoughDeliveredTwice() throws Exception {
        String event = message("UHUMAN00001", null, "1700000200.000300", "Error 523 Origin is unreachable example.com");
        requests.event("Ev002", event, Map.of());
        requests.event("Ev002", event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertOnlyAnswerIsInThread("1700000200.000300");
    }

    @Test
    void ownAndOtherBotsMessagesAreIgnoredButPeoplesAreNot() throws Exception {
        String error = "Error 523 Origin is unreachable example.com";
        requests.event("Ev003", message(FakeSlack.BOT_USER, FakeSlack.BOT_ID, "1700000300.000001", error), Map.of());
        requests.event("Ev004", message(null, "BOTHER00001", "1700000300.000002", error), Map.of());
        requests.event("Ev005", message("UHUMAN00001", null, "1700000300.000003", "lunch at noon?"), Map.of());
        requests.event("Ev006", message("UHUMAN00001", null, "1700000300.000004", error), Map.of());

        assertOnlyAnswerIsInThread("1700000300.000004");
    }

    @Test
    void shortcutTriagesTheMessageInItsThread() throws Exception {
        requests.interaction("{\"type\":\"message_action\",\"callback_id\":\"" + SlackTriageApp.SHORTCUT + "\","
                + "\"trigger_id\":\"1.2\",\"message_ts\":\"1700000400.000001\",\"response_url\":\"" + slack.responseUrl("sc") + "\","
                + "\"team\":{\"id\":\"T0000001\"},\"user\":{\"id\":\"UHUMAN00001\"},\"channel\":{\"id\":\"C0000001\"},"
                + "\"message\":{\"type\":\"message\",\"user\":\"UOTHER00001\",\"ts\":\"1700000400.000001\","
                + "\"text\":\"we get 524 on https://example.com/slow\"}}");

        FakeSlack.Call answer = slack.await(POST, 1, WAIT).get(0);
        assertEquals("1700000400.000001", answer.get("thread_ts"));
        assertEquals(List.of(TriageRequest.of("we get 524 on https://example.com/slow")), backend.requests);
    }

    @Test
    void rerunButtonPostsTheNewReportWithWhatChangedInTheSameThread() throws Exception {
        FakeSlack.Call rerun = pressUnderACommandsReport(ReportButtons.RERUN);

        assertTrue(rerun.get("blocks").contains("edge status 523 → 200"), rerun.get("blocks"));
        assertEquals(new TriageRequest("https://example.com/ 8b2e5f3a1c9d4e7f-FRA", 523, List.of("127.77.0.9")),
                backend.requests.get(1));
    }

    @Test
    void supportBundleButtonPostsTheBundleOfTheThreadsReport() throws Exception {
        FakeSlack.Call bundle = pressUnderACommandsReport(ReportButtons.BUNDLE);

        assertTrue(bundle.get("blocks").contains("bundle of example.com"), bundle.get("blocks"));
        assertEquals(1, backend.requests.size());
    }

    /** Exactly one message was posted and one triage run, in the thread of the message given. */
    private void assertOnlyAnswerIsInThread(String threadTs) throws InterruptedException {
        assertEquals(threadTs, slack.await(POST, 1, WAIT).get(0).get("thread_ts"));
        Thread.sleep(500);
        assertEquals(1, slack.calls(POST).size());
        assertEquals(1, backend.requests.size());
    }

    /** Runs a command, presses the button under its report, and returns the answer, checked to be in the thread. */
    private FakeSlack.Call pressUnderACommandsReport(String actionId) throws Exception {
        requests.command("/cf523", "example.com", "C0000001", slack.responseUrl("cmd"));
        String thread = slack.await(POST, 2, WAIT).get(1).get("thread_ts");

        requests.interaction(button(actionId, thread));

        FakeSlack.Call answer = slack.await(POST, 3, WAIT).get(2);
        assertEquals(thread, answer.get("thread_ts"));
        return answer;
    }

    private String button(String actionId, String threadTs) {
        String value = ReportButtons.value(SampleReports.refused("example.com")).replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"type\":\"block_actions\",\"trigger_id\":\"1.3\",\"response_url\":\"" + slack.responseUrl("btn") + "\","
                + "\"team\":{\"id\":\"T0000001\"},\"user\":{\"id\":\"UHUMAN00001\"},\"channel\":{\"id\":\"C0000001\"},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.1002\",\"channel_id\":\"C0000001\","
                + "\"thread_ts\":\"" + threadTs + "\"},"
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\","
                + "\"value\":\"" + value + "\",\"action_ts\":\"1700000500.0\"}]}";
    }

    private static String mention(String ts, String threadTs) {
        return "{\"type\":\"app_mention\",\"user\":\"UHUMAN00001\",\"text\":\"<@" + FakeSlack.BOT_USER + "> 522 example.com\","
                + "\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs + "\",\"channel\":\"C0000001\",\"event_ts\":\"" + ts + "\"}";
    }

    private static String message(String user, String botId, String ts, String text) {
        return "{\"type\":\"message\",\"channel\":\"C0000001\",\"channel_type\":\"channel\","
                + (user == null ? "" : "\"user\":\"" + user + "\",") + (botId == null ? "" : "\"bot_id\":\"" + botId + "\",")
                + "\"text\":\"" + text + "\",\"ts\":\"" + ts + "\",\"event_ts\":\"" + ts + "\"}";
    }

    /** Answers with a sample report for the host in the request; records requests. */
    private static final class StubBackend implements ChatBackend {
        final List<TriageRequest> requests = new CopyOnWriteArrayList<>();
        volatile boolean limited;

        @Override
        public Admission admit(String userKey, String channelKey) {
            return limited ? new Admission.Limited("user", Duration.ofSeconds(7)) : new Admission.Admitted();
        }

        @Override
        public CompletableFuture<TriageReport> submit(TriageRequest request) {
            requests.add(request);
            return CompletableFuture.completedFuture(SampleReports.refused("example.com"));
        }

        @Override
        public boolean describesError(String text) {
            return text.contains("Error 52");
        }

        @Override
        public List<String> changes(TriageReport before, TriageReport after) {
            return List.of("edge status 523 → 200");
        }

        @Override
        public String supportBundle(TriageReport report) {
            return "bundle of " + report.input().host();
        }
    }
}
