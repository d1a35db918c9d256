package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.cftriage.ops.ChatCalls;
import dev.cftriage.input.BadInputException;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.chat.BusyException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    private RunningBot bot;
    private FakeSlack slack;
    private SlackRequests requests;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.start(backend, Duration.ofSeconds(5));
        slack = bot.slack();
        requests = bot.requests();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void slashCommandPostsRootThenDetailsInThreadThenTheVerdictAndNextStepOnTheRoot() throws Exception {
        HttpResponse<String> ack = requests.command("/cf523", "<https://example.com|example.com>", "C0000001",
                slack.responseUrl("cmd"));
        assertEquals(200, ack.statusCode());

        List<FakeSlack.Call> posts = slack.await(POST, 2, WAIT);
        FakeSlack.Call root = posts.get(0);
        assertNull(root.get("thread_ts"));
        assertTrue(root.get("text").contains("Triaging 523 for example.com"), root.get("text"));
        FakeSlack.Call details = posts.get(1);
        assertEquals("1700000000.1001", details.get("thread_ts"));
        assertTrue(details.shown().contains("127.77.0.9:8080 refused the connection"), details.shown());
        FakeSlack.Call update = slack.await("/api/chat.update", 1, WAIT).get(0);
        assertEquals("1700000000.1001", update.get("ts"));
        assertTrue(update.get("text").startsWith("❌ 523 · example.com — Nothing listens on the origin"), update.get("text"));
        assertTrue(update.shown().contains("*Do this first:* Start the web server on 127.77.0.9:8080"), update.shown());
        assertTrue(update.get("blocks").contains(ReportButtons.RERUN) && update.get("blocks").contains(ReportButtons.CAUSES));
        assertEquals(List.of(TriageRequest.of(523, "example.com")), backend.requests, "Slack's link markup is decoded before the parser");
    }

    @Test
    void cftriageWithoutTextOpensTheFormWithTheCommandsTriggerId() throws Exception {
        HttpResponse<String> ack = requests.command("/cftriage", "", "C0000001", slack.responseUrl("form"));

        assertEquals(200, ack.statusCode());
        FakeSlack.Call open = slack.await("/api/views.open", 1, WAIT).get(0);
        assertEquals("1.2.3", open.get("trigger_id"));
        assertTrue(open.get("view").contains("\"callback_id\":\"" + TriageModal.CALLBACK + "\""), open.get("view"));
        assertTrue(open.get("view").contains("\"private_metadata\":\"C0000001\""), open.get("view"));
        for (String field : List.of(TriageModal.CODE, TriageModal.HOST, TriageModal.ORIGIN, TriageModal.PASTE)) {
            assertTrue(open.get("view").contains("\"block_id\":\"" + field + "\""), field);
        }
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void theFormsSubmissionTriagesLikeTheCommandInTheChannelItWasOpenedIn() throws Exception {
        HttpResponse<String> ack = requests.formSubmission("C0000001", Map.of(TriageModal.CODE, "521",
                TriageModal.HOST, "shop.example.com", TriageModal.ORIGIN, "203.0.113.7", TriageModal.PASTE, ""));

        assertEquals(200, ack.statusCode());
        assertTrue(ack.body().isEmpty() || !ack.body().contains("errors"), ack.body());
        List<FakeSlack.Call> posts = slack.await(POST, 2, WAIT);
        assertEquals("C0000001", posts.get(0).get("channel"));
        assertEquals(posts.get(0).get("channel"), posts.get(1).get("channel"));
        slack.await("/api/chat.update", 1, WAIT);
        assertEquals(List.of(new TriageRequest("shop.example.com", 521, List.of("203.0.113.7"))), backend.requests);
    }

    @Test
    void aFormWithNeitherHostNorPasteOrWithAWordForACodeIsAnsweredBesideItsFields() throws Exception {
        HttpResponse<String> ack = requests.formSubmission("C0000001", Map.of(TriageModal.CODE, "five-two-one"));

        assertEquals(200, ack.statusCode());
        assertTrue(ack.body().contains("\"response_action\":\"errors\""), ack.body());
        assertTrue(ack.body().contains("\"" + TriageModal.CODE + "\"") && ack.body().contains("\"" + TriageModal.HOST + "\""),
                ack.body());
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void forgedSignatureIsRefusedAndStartsNothing() throws Exception {
        String body = SlackRequests.commandForm("/cf523", "example.com", "C0000001", slack.responseUrl("x"));
        HttpResponse<String> forged = requests.send(body, SlackRequests.FORM, SlackRequests.now(), "not-the-signing-secret-000", Map.of());
        HttpResponse<String> stale = requests.send(body, SlackRequests.FORM, SlackRequests.now() - 600, SlackRequests.SECRET, Map.of());

        assertEquals(401, forged.statusCode());
        assertEquals(401, stale.statusCode());
        bot.settle();
        assertTrue(backend.requests.isEmpty());
        assertEquals(1, slack.calls(POST).size(), "only the settle mention's answer: " + slack.calls(POST));
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
        slack.await("/api/chat.update", 1, WAIT);
    }

    @Test
    void postAnsweredWithAServerErrorIsNotRetriedSoItCannotBePostedTwice() throws Exception {
        slack.script("chat.postMessage", form -> form.get("thread_ts") != null, FakeSlack.serverError(503));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        SlackPoster poster = new SlackPoster(Slack.getInstance(config), "xoxb-test-token-0123456789", Duration.ofMillis(1), ChatCalls.NONE);

        // The poster retries inside the call, so once the call is over every attempt it would make has been made.
        assertThrows(IOException.class, () -> poster.post("C0000001", "1700000000.1001", SlackMessage.ofText("report")));
        assertEquals(List.of(503), slack.calls(POST).stream().map(FakeSlack.Call::status).toList());
    }

    @Test
    void updateAnsweredWithAServerErrorIsRetried() throws Exception {
        slack.script("chat.update", FakeSlack.serverError(500));
        requests.command("/cf523", "example.com", "C0000001", slack.responseUrl("cmd"));

        slack.await("/api/chat.update", 1, WAIT);
        assertEquals(List.of(500, 200), slack.calls("/api/chat.update").stream().map(FakeSlack.Call::status).toList());
    }

    @Test
    void channelTheBotIsNotInGetsTheReportThroughResponseUrl() throws Exception {
        slack.closedChannels.add("C0CLOSED01");
        requests.command("/cftriage", "522 example.com", "C0CLOSED01", slack.responseUrl("closed"));

        FakeSlack.Call answer = slack.await("/respond/closed", 1, WAIT).get(0);
        assertTrue(answer.get("body").contains("\"response_type\":\"in_channel\""), answer.get("body"));
        assertTrue(answer.get("body").contains("Nothing listens on the origin"));
        assertTrue(slack.calls("/api/chat.update").isEmpty());
        assertEquals(List.of(TriageRequest.of("522 example.com")), backend.requests);
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
    void requestsWhoseWorkCannotBeQueuedAreStillAcknowledgedAndCommandsSaySo() throws Exception {
        bot.bot().close();

        HttpResponse<String> command = requests.command("/cf523", "example.com", "C0000001", slack.responseUrl("x"));
        HttpResponse<String> mention = requests.event("Ev010",
                SlackRequests.mention("1700000600.000001", "1700000600.000001", "522 example.com"), Map.of());

        assertEquals(200, command.statusCode());
        assertTrue(command.body().contains("too busy to take this now"), command.body());
        assertEquals(200, mention.statusCode());
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void triagesStillRunningHoldNoWorkThreadSoMoreThanEightRunAtOnce() throws Exception {
        CompletableFuture<TriageReport> running = new CompletableFuture<>();
        backend.outcome = running;
        int commands = 12;
        for (int i = 0; i < commands; i++) {
            requests.command("/cf523", "example.com", "C0000001", slack.responseUrl("cmd" + i));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (backend.requests.size() < commands && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(commands, backend.requests.size(), "every triage was started while none had finished");

        running.complete(SampleReports.refused("example.com"));
        assertEquals(commands, slack.await("/api/chat.update", commands, WAIT).size());
    }

    @Test
    void busyEngineIsToldOnTheCommandsRootMessage() throws Exception {
        backend.outcome = CompletableFuture.failedFuture(new BusyException(Duration.ofSeconds(3)));
        requests.command("/cf523", "example.com", "C0000001", slack.responseUrl("cmd"));

        FakeSlack.Call update = slack.await("/api/chat.update", 1, WAIT).get(0);
        assertEquals(new BusyException(Duration.ofSeconds(3)).getMessage(), update.get("text"));
        assertTrue(slack.calls(POST).stream().noneMatch(c -> c.get("thread_ts") != null), "no details for no report");
    }

    @Test
    void mentionInsideAThreadIsAnsweredInThatThread() throws Exception {
        requests.event("Ev001", SlackRequests.mention("1700000100.000200", "1700000050.000100", "522 example.com"), Map.of());

        FakeSlack.Call answer = slack.await(POST, 1, WAIT).get(0);
        assertEquals("1700000050.000100", answer.get("thread_ts"));
        assertEquals(List.of(TriageRequest.of("522 example.com")), backend.requests);
    }

    @Test
    void pastedErrorIsAnsweredInItsThreadOnceThoughDeliveredTwice() throws Exception {
        String event = SlackRequests.message(SlackRequests.USER, null, "1700000200.000300", "Error 523 Origin is unreachable example.com");
        requests.event("Ev002", event, Map.of());
        requests.event("Ev002", event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertOnlyAnswerIsInThread("1700000200.000300");
    }

    @Test
    void messageMentioningTheBotIsAnsweredAsTheMentionEvenWhenItsMessageEventComesFirst() throws Exception {
        backend.outcome = CompletableFuture.failedFuture(new BadInputException("'exa mple.com' is not a host name"));
        String text = "Error 522 on exa mple.com";
        requests.event("Ev020", SlackRequests.message(SlackRequests.USER, null, "1700000700.000001",
                "<@" + FakeSlack.BOT_USER + "> " + text), Map.of());
        Thread.sleep(300);
        requests.event("Ev021", SlackRequests.mention("1700000700.000001", "1700000700.000001", text), Map.of());

        FakeSlack.Call answer = slack.await(POST, 1, WAIT).get(0);
        assertEquals("1700000700.000001", answer.get("thread_ts"));
        assertEquals("'exa mple.com' is not a host name", answer.get("text"), "the reason, as a mention gets it");
        assertEquals(1, backend.requests.size());
    }

    @Test
    void ownAndOtherBotsMessagesAreIgnoredButPeoplesAreNot() throws Exception {
        String error = "Error 523 Origin is unreachable example.com";
        requests.event("Ev003", SlackRequests.message(FakeSlack.BOT_USER, FakeSlack.BOT_ID, "1700000300.000001", error), Map.of());
        requests.event("Ev004", SlackRequests.message(null, "BOTHER00001", "1700000300.000002", error), Map.of());
        requests.event("Ev005", SlackRequests.message(SlackRequests.USER, null, "1700000300.000003", "lunch at noon?"), Map.of());
        requests.event("Ev006", SlackRequests.message(SlackRequests.USER, null, "1700000300.000004", error), Map.of());

        assertOnlyAnswerIsInThread("1700000300.000004");
    }

    @Test
    void shortcutTriagesTheMessageInItsThread() throws Exception {
        requests.shortcut("1700000400.000001", "we get 524 on https://example.com/slow", slack.responseUrl("sc"));

        FakeSlack.Call answer = slack.await(POST, 1, WAIT).get(0);
        assertEquals("1700000400.000001", answer.get("thread_ts"));
        assertEquals(List.of(TriageRequest.of("we get 524 on https://example.com/slow")), backend.requests);
    }

    @Test
    void rerunButtonPostsTheNewReportWithWhatChangedInTheSameThread() throws Exception {
        FakeSlack.Call rerun = pressUnderACommandsReport(ReportButtons.RERUN);

        assertTrue(rerun.get("blocks").contains("edge status 523 → 200"), rerun.get("blocks"));
        assertEquals(new TriageRequest("https://example.com/ 8b2e5f3a1c9d4e7f-FRA", 523, List.of("127.77.0.9")).asFresh(),
                backend.requests.get(1), "a re-run asks for fresh evidence");
    }

    @Test
    void showAllCausesButtonPostsEveryCauseWithItsFixStepsFromTheRememberedReport() throws Exception {
        FakeSlack.Call causes = pressUnderACommandsReport(ReportButtons.CAUSES);

        assertTrue(causes.shown().contains("*1. Nothing listens on the origin's port 8080* — Confirmed"), causes.shown());
        assertTrue(causes.shown().contains("2. Allow Cloudflare's ranges in the firewall"), causes.shown());
        assertEquals(1, backend.requests.size(), "the remembered report, not a new triage");
    }

    @Test
    void supportBundleButtonPostsTheBundleOfTheThreadsReport() throws Exception {
        FakeSlack.Call bundle = pressUnderACommandsReport(ReportButtons.BUNDLE);

        assertTrue(bundle.get("blocks").contains("bundle of example.com"), bundle.get("blocks"));
        assertEquals(1, backend.requests.size());
    }

    /** Exactly one message was posted and one triage run, in the thread of the message given. */
    private void assertOnlyAnswerIsInThread(String threadTs) throws Exception {
        assertEquals(threadTs, slack.await(POST, 1, WAIT).get(0).get("thread_ts"));
        bot.settle();
        assertEquals(2, slack.calls(POST).size(), "the answer and the settle mention's: " + slack.calls(POST));
        assertEquals(1, backend.requests.size());
    }

    /** Runs a command, presses the button under its channel message, and returns the answer, checked to be in the thread. */
    private FakeSlack.Call pressUnderACommandsReport(String actionId) throws Exception {
        requests.command("/cf523", "example.com", "C0000001", slack.responseUrl("cmd"));
        String thread = slack.await(POST, 2, WAIT).get(1).get("thread_ts");
        FakeSlack.Call channelMessage = slack.await("/api/chat.update", 1, WAIT).get(0);

        requests.button(actionId, channelMessage.buttonValue(actionId), thread, slack.responseUrl("btn"));

        FakeSlack.Call answer = slack.await(POST, 3, WAIT).get(2);
        assertEquals(thread, answer.get("thread_ts"));
        return answer;
    }
}
