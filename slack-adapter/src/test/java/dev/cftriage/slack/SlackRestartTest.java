package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.testing.ChildJvm;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slack bot killed with SIGKILL in the middle of a watch and started again on the same data directory: the
 * watch goes on in the new process and still ends with "Recovered", and nothing is posted twice. Both bots are child
 * JVMs ({@link SlackBotProcess}) talking to one fake Slack on loopback.
 */
class SlackRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String POST = "/api/chat.postMessage";

    @TempDir
    Path dataDir;
    @TempDir
    Path logs;

    @Test
    void aBotKilledMidWatchResumesItAfterARestartAndEndsWithRecoveredPostingNothingTwice() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        String ip = origin.getHostAddress();
        try (FakeSlack slack = new FakeSlack()) {
            String rootTs;
            try (ChildJvm first = ChildJvm.start(logs.resolve("first.err"), SlackBotProcess.class, dataDir.toString(),
                    slack.apiUrl())) {
                SlackRequests requests = new SlackRequests(port(first));
                requests.command("/cf521", ip + " origin=" + ip, SlackRequests.CHANNEL, slack.responseUrl("first"));
                FakeSlack.Call report = slack.await(POST, 2, WAIT).get(1);
                rootTs = report.get("thread_ts");
                FakeSlack.Call channelMessage = slack.await("/api/chat.update", 1, WAIT).get(0); // verdict and buttons
                requests.button(SlackIncidents.WATCH, channelMessage.buttonValue(SlackIncidents.WATCH), rootTs,
                        slack.responseUrl("watch"));
                slack.await(POST, 3, WAIT);
                first.await(line -> first.lines().stream().filter("RUN"::equals).count() >= 3, WAIT.toSeconds(),
                        "three runs of the watch before the kill");
                first.kill();
            }
            try (ChildJvm second = ChildJvm.start(logs.resolve("second.err"), SlackBotProcess.class, dataDir.toString(),
                    slack.apiUrl())) {
                port(second);
                second.await("RUN"::equals, WAIT.toSeconds(), "a run of the resumed watch");
                try (FaultServer up = FaultServer.start(origin, 8080, FaultServer.Behaviour.OK)) {
                    awaitThreadPost(slack, rootTs, "Recovered: " + ip);
                }
            }
            List<String> thread = slack.calls(POST).stream().filter(c -> rootTs.equals(c.get("thread_ts")))
                    .map(c -> c.get("text")).toList();
            Set<String> distinct = thread.stream().collect(Collectors.toSet());
            assertEquals(thread.size(), distinct.size(), "nothing posted twice: " + thread);
            assertEquals(1, thread.stream().filter(t -> t.startsWith("Watching " + ip)).count(), thread.toString());
            assertTrue(thread.get(thread.size() - 1).startsWith("Recovered: " + ip), thread.toString());
        }
    }

    private static int port(ChildJvm bot) throws InterruptedException {
        return Integer.parseInt(bot.await(line -> line.startsWith("PORT "), WAIT.toSeconds(), "its port").substring(5));
    }

    private static void awaitThreadPost(FakeSlack slack, String ts, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (slack.calls(POST).stream().anyMatch(c -> ts.equals(c.get("thread_ts")) && c.get("text") != null
                    && c.get("text").startsWith(prefix))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no post starting " + prefix + " in the thread");
    }
}
