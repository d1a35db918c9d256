package dev.cftriage.discord;

import dev.cftriage.chat.ChatBackend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.CfTriage;
import dev.cftriage.config.Limits;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.chat.TriageService;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TestDnsServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole bot: real JDA against {@link FakeDiscord}, the real engine behind {@link TriageService}, probing
 * loopback origins ({@link FaultServer} on port 8080) with names served by {@link TestDnsServer}. No real DNS, no
 * real Discord.
 */
class DiscordEngineEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Discord's limit for acknowledging an interaction, the bound issue 9 sets for a command after a flood. */
    private static final Duration DISCORD_ACK = Duration.ofSeconds(3);
    private static final String HOST = "origin-down.example.test";

    private final InetAddress origin = LoopbackAddresses.next();
    private final String originPort = origin.getHostAddress() + ":8080";
    private TestDnsServer dns;
    private TriageService service;
    private FakeDiscord fake;
    private DiscordBot bot;

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start().a(HOST, origin.getHostAddress());
        TriageConfig config = TriageConfig.builder()
                .resolvers(List.of(dns.address()))
                .allowTargets(List.of("127.0.0.0/8"))
                .ports(List.of(8080))
                .timeout(Duration.ofSeconds(2))
                .limits(new Limits(Limits.DEFAULT.shareFor(), 4, 8, 100, 100)).build();
        service = TriageService.create(CfTriage.create(config));
        fake = FakeDiscord.start(false);
        bot = fake.connect(ChatBackend.of(service), WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        fake.disconnect(bot);
        fake.close();
        service.close();
        service.engine().close();
        dns.close();
    }

    @Test
    void slashCommandOnARefusingOriginIsAnsweredWithTheRefusalThenReRunSeesItFixed() throws Exception {
        Map<String, Object> command = fake.slashCommand("cf521", Map.of("target", HOST, "origin", origin.getHostAddress()));
        assertEquals(5, fake.await("POST", FakeDiscord.callbackPath(command), WAIT)
                .json().path("type").asInt(), "deferred within Discord's 3 s");
        FakeDiscord.Exchange report = fake.await("PATCH", FakeDiscord.originalPath(command), WAIT);
        JsonNode embed = report.json().path("embeds").path(0);
        assertTrue(embed.path("title").asText().contains(" 521 · "), embed.toString());
        assertTrue(embed.toString().contains(originPort), "the report names the probed origin: " + embed);

        try (FaultServer fixed = FaultServer.start(origin, 8080, FaultServer.Behaviour.OK)) {
            String rerun = report.json().findValuesAsText("custom_id").stream()
                    .filter(id -> id.startsWith(DiscordEventHandler.RERUN)).findFirst().orElseThrow();
            Map<String, Object> press = fake.buttonPress(rerun, report.responseJson().path("id").asText(),
                    FakeDiscord.CHANNEL_ID);
            String description = fake.await("PATCH", FakeDiscord.originalPath(press), WAIT).json()
                    .path("embeds").path(0).path("description").asText();
            assertTrue(description.startsWith("**Re-ran the probes; what changed:**"), description);
            assertTrue(description.contains("origin-tcp " + originPort + ": fail → ok"), description);
            assertTrue(fixed.accepted() > 0, "the re-run really connected to the origin");
        }
    }

    @Test
    void twentyMessagesOfSigmaInTheSupportChannelDoNotHoldUpASlashCommand() throws Exception {
        for (int i = 0; i < 20; i++) {
            // Half are turned away by the screen, half name a code and go through the real parser.
            fake.memberMessage((i % 2 == 0 ? "" : "Error 523 ") + "Σ".repeat(4_000));
        }
        Map<String, Object> command = fake.slashCommand("cf521", Map.of("target", HOST, "origin", origin.getHostAddress()));
        assertEquals(5, fake.await("POST", FakeDiscord.callbackPath(command), DISCORD_ACK).json().path("type").asInt(),
                "acknowledged within Discord's 3 s");
        JsonNode embed = fake.await("PATCH", FakeDiscord.originalPath(command), WAIT).json().path("embeds").path(0);
        assertTrue(embed.path("title").asText().contains(" 521 · "), "and answered: " + embed);
    }

    @Test
    void pastedErrorInTheSupportChannelGetsAThreadWithTheLiveReport() throws Exception {
        try (FaultServer origin502 = FaultServer.start(origin, 8080, FaultServer.Behaviour.BAD_GATEWAY)) {
            String messageId = fake.memberMessage("our site is down again:\nError 502 Bad gateway\nhttp://" + HOST
                    + ":8080/\nRay ID: 8f3a1b2c3d4e5f60 • 2026-11-20 10:15:30 UTC");
            FakeDiscord.Exchange thread = fake.await("POST",
                    "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + messageId + "/threads", WAIT);
            String threadId = thread.responseJson().path("id").asText();
            JsonNode embed = fake.await("POST", "/api/v10/channels/" + threadId + "/messages", WAIT).json()
                    .path("embeds").path(0);
            assertTrue(embed.path("title").asText().contains(" 502 · "), embed.toString());
            assertTrue(embed.toString().contains(originPort), embed.toString());
            assertTrue(origin502.accepted() > 0, "the origin was probed live");
        }
    }
}
