package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.incidents.testing.IncidentLab;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incident mode in the Slack bot, end to end on loopback: signed commands and button presses in, the real engine
 * probing a loopback origin on port 8080, a watch every 2 s on the embedded database, the fake Slack's record out.
 */
class SlackIncidentModeTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POST = "/api/chat.postMessage";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final InetAddress origin = LoopbackAddresses.next();
    private final String ip = origin.getHostAddress();
    private IncidentLab lab;
    private CountingBackend backend;
    private RunningBot bot;
    private FakeSlack slack;

    @BeforeEach
    void start() throws Exception {
        lab = IncidentLab.start(dataDir);
        backend = new CountingBackend(ChatBackend.of(lab.service()));
        bot = RunningBot.start(backend, IncidentLab.CONFIG.timeout(), Map.of(), channel -> lab.mode(channel, "slack-test"));
        bot.bot().incidents().start();
        slack = bot.slack();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        lab.close();
    }

    @Test
    void watchPressedOnARefusedOriginPostsOnlyChangesThenRecoveredWithTheDurationAndMarksTheRoot() throws Exception {
        FakeSlack.Call report = commandReport(SlackRequests.CHANNEL);
        String rootTs = report.get("thread_ts");
        assertTrue(report.shown().contains(ip + ":8080") && report.shown().contains("refused"), report.shown());
        FakeSlack.Call channelMessage = slack.await("/api/chat.update", 1, WAIT).get(0); // the verdict and its buttons

        bot.requests().button(SlackIncidents.WATCH, channelMessage.buttonValue(SlackIncidents.WATCH), rootTs,
                slack.responseUrl("watch"));
        FakeSlack.Call watching = awaitInThread(rootTs, c -> c.get("text").startsWith("Watching " + ip));
        lab.awaitWatchRuns(2, WAIT); // two runs of the watch saw the origin still refusing
        try (FaultServer up = FaultServer.start(origin, 8080, FaultServer.Behaviour.OK)) {
            int runsBeforeUp = lab.watchRuns();
            FakeSlack.Call recovered = awaitInThread(rootTs, c -> c.get("text").startsWith("Recovered: " + ip));
            int runsToRecover = lab.watchRuns() - runsBeforeUp;

            assertTrue(runsToRecover <= 3, "recovered within 3 intervals of the origin coming up: " + runsToRecover + " runs");
            assertTrue(recovered.get("text").contains("The outage lasted "), recovered.get("text"));
            List<String> thread = threadTexts(rootTs);
            // the sentinel: what follows "Watching" up to "Recovered" is only the changes the origin coming up made
            // (a probe flipping to ok; two posts when it came up in the middle of a run), so the runs that saw it
            // still refusing posted nothing
            assertEquals(watching.get("text"), thread.get(1), thread.toString());
            assertEquals(recovered.get("text"), thread.get(thread.size() - 1), thread.toString());
            List<String> between = thread.subList(2, thread.size() - 1);
            assertTrue(between.size() >= 1 && between.size() <= 2, thread.toString());
            assertTrue(between.stream().allMatch(t -> t.startsWith("Changed at ") && t.contains(": fail → ok")),
                    between.toString());
            assertTrue(up.accepted() >= 2, "the two healthy runs probed the origin");
        }
        List<String> marks = awaitMarks(rootTs, "Recovered: " + ip);
        assertEquals(List.of("Watching " + ip, "Recovered: " + ip), marks.subList(marks.size() - 2, marks.size()));
    }

    @Test
    void aTriageOfTheSameHostFromASecondChannelAnswersWithTheFirstThreadAndStartsNoProbeRun() throws Exception {
        FakeSlack.Call report = commandReport(SlackRequests.CHANNEL);
        int triages = backend.submitted.get();

        bot.requests().command("/cf521", ip + " origin=" + ip, "C0000002", slack.responseUrl("second"));
        FakeSlack.Call answer = slack.await("/respond/second", 1, WAIT).get(0);

        String text = JSON.readTree(answer.get("body")).path("text").asText();
        assertTrue(text.startsWith("An incident for " + ip + " is open since "), text);
        assertTrue(text.endsWith(FakeSlack.permalink(SlackRequests.CHANNEL, report.get("thread_ts"))), text);
        assertEquals(triages, backend.submitted.get(), "no probe run started");
        assertTrue(slack.calls(POST).stream().noneMatch(c -> "C0000002".equals(c.get("channel"))),
                "nothing posted in the second channel");
    }

    @Test
    void timelineCommandListsTheEventsInOrderWithUtcTimes() throws Exception {
        commandReport(SlackRequests.CHANNEL);
        bot.requests().command("/cf521", ip + " origin=" + ip, "C0000002", slack.responseUrl("second"));
        slack.await("/respond/second", 1, WAIT);

        bot.requests().command("/cftriage", "timeline " + ip, SlackRequests.CHANNEL, slack.responseUrl("timeline"));
        String text = JSON.readTree(slack.await("/respond/timeline", 1, WAIT).get(0).get("body")).path("text").asText();

        assertTrue(text.startsWith("```\nIncident timeline: " + ip), text);
        int opened = text.indexOf(" UTC (+0s) opened: first report: ");
        int joined = text.indexOf(" joined: asked for a triage of " + ip);
        assertTrue(opened > 0 && joined > opened, text);
        assertTrue(text.contains(SlackRequests.USER + " in C0000002"), text);
    }

    /** Runs {@code /cf521 IP origin=IP} in the channel against the refusing origin; the report in the root's thread. */
    private FakeSlack.Call commandReport(String channel) throws Exception {
        bot.requests().command("/cf521", ip + " origin=" + ip, channel, slack.responseUrl("first"));
        return slack.await(POST, 2, WAIT).get(1);
    }

    /** The texts the root message was updated with, once the last one is {@code last}. */
    private List<String> awaitMarks(String rootTs, String last) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> marks = List.of();
        while (System.nanoTime() < deadline) {
            marks = slack.calls("/api/chat.update").stream().filter(c -> rootTs.equals(c.get("ts")))
                    .map(c -> c.get("text")).toList();
            if (!marks.isEmpty() && marks.get(marks.size() - 1).equals(last)) {
                return marks;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the root was not marked " + last + ": " + marks);
    }

    private FakeSlack.Call awaitInThread(String ts, Predicate<FakeSlack.Call> which) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (FakeSlack.Call c : slack.calls(POST)) {
                if (ts.equals(c.get("thread_ts")) && c.get("text") != null && which.test(c)) {
                    return c;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such post in the thread " + ts + ": " + threadTexts(ts));
    }

    private List<String> threadTexts(String ts) {
        return slack.calls(POST).stream().filter(c -> ts.equals(c.get("thread_ts"))).map(c -> c.get("text")).toList();
    }
}
