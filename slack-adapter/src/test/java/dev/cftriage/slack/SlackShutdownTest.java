package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.ops.ChildBot;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * TERM to the Slack bot (its own JVM, HTTP mode, against {@link FakeSlack}) while a triage of a slow loopback origin
 * is in flight: the bot lets it finish, posts its answer and exits 0 within the budget plus 5 s. The child logs
 * with {@code CFTRIAGE_LOG_FORMAT=json}: every line it writes is one JSON object.
 */
class SlackShutdownTest {
    private static final Duration BUDGET = Duration.ofSeconds(4);
    /** The origin answers after this: the triage is still running when TERM arrives, and ends within its budget. */
    private static final Duration ORIGIN_DELAY = Duration.ofMillis(2_500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InetAddress origin = LoopbackAddresses.next();
    private final String ip = origin.getHostAddress();

    @Test
    void termDuringATriageStillPostsItsAnswerAndExitsZeroWithinTheBudgetPlusFiveSeconds() throws Exception {
        try (FakeSlack slack = new FakeSlack();
             FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.SLOW, ORIGIN_DELAY);
             ChildBot bot = ChildBot.start(SlackMain.class, env(slack))) {
            new SlackRequests(bot.port()).command("/cf522", ip + " origin=" + ip, SlackRequests.CHANNEL,
                    slack.responseUrl("cmd"));
            awaitAccepted(server);

            long term = System.nanoTime();
            bot.process.destroy();

            assertTrue(bot.process.waitFor(BUDGET.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS),
                    "exited within the budget plus 5 s; log:\n" + String.join("\n", bot.log()));
            System.out.printf("%s bot: TERM to exit %d ms (budget %d ms)%n", "Slack",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - term), BUDGET.toMillis());
            assertEquals(0, bot.process.exitValue(), String.join("\n", bot.log()));
            List<FakeSlack.Call> posts = slack.calls("/api/chat.postMessage");
            assertEquals(2, posts.size(), "the progress message and the report: " + posts);
            assertTrue(posts.get(1).shown().contains(ip + ":8080"), posts.get(1).shown());
            assertEquals(1, slack.calls("/api/chat.update").size(), "the verdict replaced the progress message");
            assertJsonLines(bot.log());
        }
    }

    private static void assertJsonLines(List<String> log) throws Exception {
        assertTrue(log.stream().anyMatch(line -> line.contains("SIGTERM: no new work")), String.join("\n", log));
        for (String line : log) {
            JsonNode entry;
            try {
                entry = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("not a JSON log line: " + line + "\nwhole log:\n" + String.join("\n", log), e);
            }
            assertTrue(entry.isObject() && entry.has("level") && entry.has("formattedMessage"), line);
        }
    }

    /** Waits until the probe has connected to the origin: the triage is in flight. */
    private static void awaitAccepted(FaultServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.accepted() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the triage never reached the origin");
            }
            Thread.sleep(10);
        }
    }

    private static Map<String, String> env(FakeSlack slack) {
        Map<String, String> env = SlackOperationsTest.env(slack);
        env.put("CFTRIAGE_TIMEOUT", BUDGET.toMillis() + "ms");
        env.put("CFTRIAGE_LOG_FORMAT", "json");
        return env;
    }
}
