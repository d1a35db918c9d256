package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.incidents.testing.IncidentLab;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incident mode in the Discord bot, end to end on loopback: real JDA against {@link FakeDiscord}, a slash command and
 * a button interaction in, the real engine probing a loopback origin on port 8080, a watch every 2 s on the embedded
 * database, the fake's record of REST calls out.
 */
class DiscordIncidentModeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final InetAddress origin = LoopbackAddresses.next();
    private final String ip = origin.getHostAddress();
    private IncidentLab lab;
    private FakeDiscord fake;
    private DiscordBot bot;

    @BeforeEach
    void start() throws Exception {
        lab = IncidentLab.start(dataDir);
        fake = FakeDiscord.start(false);
        bot = DiscordBot.start(fake.settings(FakeDiscord.CHANNEL_NAME), ChatBackend.of(lab.service()),
                IncidentLab.CONFIG.timeout(),
                channel -> lab.mode(channel, "discord-test"));
        bot.awaitReady(WAIT);
        bot.incidents().start();
    }

    @AfterEach
    void stop() throws Exception {
        fake.disconnect(bot);
        fake.close();
        lab.close();
    }

    @Test
    void watchPressedOnARefusedOriginPostsOnlyChangesThenRecoveredWithTheDurationAndMarksTheMessage() throws Exception {
        Map<String, Object> command = fake.slashCommand("cf521", Map.of("target", ip, "origin", ip));
        FakeDiscord.Exchange withButtons = fake.awaitCall("PATCH", FakeDiscord.originalPath(command),
                e -> e.body().contains(DiscordIncidents.WATCH));
        String rootId = withButtons.responseJson().path("id").asText();
        String watch = withButtons.json().findValuesAsText("custom_id").stream()
                .filter(id -> id.startsWith(DiscordIncidents.WATCH)).findFirst().orElseThrow();
        assertTrue(withButtons.json().findValuesAsText("custom_id").stream()
                .anyMatch(id -> id.startsWith(DiscordEventHandler.RERUN)), "the report keeps its own buttons");

        fake.buttonPress(watch, rootId, FakeDiscord.CHANNEL_ID);
        String thread = "/api/v10/channels/" + rootId + "/messages";
        fake.awaitCall("POST", thread, e -> content(e).startsWith("Watching " + ip));
        lab.awaitWatchRuns(2, WAIT); // two runs of the watch saw the origin still refusing
        try (FaultServer up = FaultServer.start(origin, 8080, FaultServer.Behaviour.OK)) {
            int runsBeforeUp = lab.watchRuns();
            FakeDiscord.Exchange recovered = fake.awaitCall("POST", thread, e -> content(e).startsWith("Recovered: " + ip));
            int runsToRecover = lab.watchRuns() - runsBeforeUp;

            assertTrue(runsToRecover <= 3, "recovered within 3 intervals of the origin coming up: " + runsToRecover + " runs");
            assertTrue(content(recovered).contains("The outage lasted "), content(recovered));
            List<String> posts = fake.exchanges().stream().filter(e -> e.method().equals("POST") && e.path().equals(thread))
                    .map(DiscordIncidentModeTest::content).toList();
            // the sentinel: between "Watching" and "Recovered" only the changes the origin coming up made
            assertTrue(posts.get(0).startsWith("Watching " + ip), posts.toString());
            assertEquals(content(recovered), posts.get(posts.size() - 1), posts.toString());
            List<String> between = posts.subList(1, posts.size() - 1);
            assertTrue(between.size() >= 1 && between.size() <= 2, posts.toString());
            assertTrue(between.stream().allMatch(t -> t.startsWith("Changed at ") && t.contains("fail → ok")),
                    between.toString());
            assertTrue(posts.stream().allMatch(p -> p.length() <= 2000));
        }
        fake.awaitCall("PATCH", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + rootId,
                e -> content(e).equals("Recovered: " + ip));
        assertTrue(fake.exchanges().stream().filter(e -> e.path().startsWith("/api/v10/channels/"))
                .allMatch(e -> !e.method().equals("POST") || e.path().endsWith("/threads")
                        || e.json().path("allowed_mentions").path("parse").isArray()
                        || e.json().path("allowed_mentions").path("parse").isMissingNode()), "no post may ping");
    }

    @Test
    void aTriageOfTheSameHostFromASecondCommandAnswersWithTheIncidentsLinkAndStartsNoProbeRun() throws Exception {
        try (FaultServer badGateway = FaultServer.start(origin, 8080, FaultServer.Behaviour.BAD_GATEWAY)) {
            Map<String, Object> first = fake.slashCommand("cf521", Map.of("target", ip, "origin", ip));
            FakeDiscord.Exchange report = fake.awaitCall("PATCH", FakeDiscord.originalPath(first),
                    e -> e.body().contains(DiscordIncidents.WATCH));
            String rootId = report.responseJson().path("id").asText();
            int probed = badGateway.accepted();
            assertTrue(probed > 0, "the first triage probed the origin");

            Map<String, Object> second = fake.slashCommand("cftriage", Map.of("target", ip));
            FakeDiscord.Exchange answer = fake.awaitCall("PATCH", FakeDiscord.originalPath(second), e -> true);

            String text = answer.json().path("content").asText();
            assertTrue(text.startsWith("An incident for " + ip + " is open since "), text);
            assertTrue(text.endsWith("https://discord.com/channels/" + FakeDiscord.GUILD_ID + "/"
                    + FakeDiscord.CHANNEL_ID + "/" + rootId), text);
            assertEquals(probed, badGateway.accepted(), "no probe run started");
        }
    }

    private static String content(FakeDiscord.Exchange e) {
        return e.json().path("content").asText();
    }


}
