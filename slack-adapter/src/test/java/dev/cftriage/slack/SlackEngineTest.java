package dev.cftriage.slack;

import dev.cftriage.service.ChatBackend;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.CfTriage;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.service.TriageService;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole path with the real engine: a signed slash command in, live probes against a misbehaving loopback
 * origin, the report in the thread of the fake Slack. No real DNS and no real Slack.
 */
class SlackEngineTest {

    @Test
    void commandAgainstAnOriginThatHangsUpReportsTheEmptyReplyInTheThread() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        TriageConfig config = TriageConfig.defaults().withAllowTargets(List.of("127.0.0.0/8"))
                .withPorts(List.of(8080)).withTimeout(Duration.ofSeconds(2));
        try (FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.EMPTY_REPLY);
             FakeSlack slack = new FakeSlack();
             CfTriage engine = CfTriage.create(config);
             TriageService service = TriageService.create(engine);
             SlackMain.SlackBot bot = SlackMain.bot(Map.of("SLACK_BOT_TOKEN", "xoxb-test-token-0123456789",
                     "SLACK_SIGNING_SECRET", SlackRequests.SECRET, "SLACK_API_URL", slack.apiUrl()),
                     ChatBackend.of(service), config.timeout());
             SlackHttpServer http = new SlackHttpServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            http.start();
            String ip = origin.getHostAddress();

            new SlackRequests(http.port()).command("/cf520", ip + " origin=" + ip, "C0000001", slack.responseUrl("cmd"));

            List<FakeSlack.Call> posts = slack.await("/api/chat.postMessage", 2, Duration.ofSeconds(20));
            String report = posts.get(1).get("blocks");
            assertNull(posts.get(0).get("thread_ts"));
            assertTrue(report.contains(ip + ":8080"), report);
            assertTrue(report.contains("closed the connection without a response"), report);
            assertTrue(server.accepted() > 0);
            assertTrue(slack.await("/api/chat.update", 1, Duration.ofSeconds(5)).get(0).get("text").startsWith("520"));
        }
    }
}
