package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.report.TriageReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot across gateway faults: real JDA against a {@link FakeDiscord} that drops, cuts and refuses the gateway
 * connection, forgets the session and replays dispatches. Nothing is lost and nothing is answered twice.
 */
class DiscordGatewayFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Discord's "unknown error, try reconnecting" close code: the session stays resumable. */
    private static final int UNKNOWN_ERROR = 4000;
    private static final String PASTE = "Help! Error 523 Origin is unreachable on example.com, Ray ID: 8f3a1b2c3d4e5f60";

    private final ScriptedBackend backend = new ScriptedBackend();
    private final TriageReport report = SampleReports.report(0.9, true, 523);
    private FakeDiscord fake;
    private DiscordBot bot;

    @BeforeEach
    void connect() throws Exception {
        fake = FakeDiscord.start(false);
        bot = fake.connect(backend, WAIT);
    }

    @AfterEach
    void disconnect() throws Exception {
        fake.disconnect(bot);
        fake.close();
    }

    @Test
    void droppedGatewayResumesTheSessionAndTheNextCommandIsAnsweredOnce() throws Exception {
        settle();
        String session = fake.sessionId();
        int lastSeen = fake.lastSequence();
        fake.dropGateway(UNKNOWN_ERROR);
        fake.awaitSessions(2, WAIT);

        JsonNode resume = onlyOne(fake.resumes());
        assertEquals(session, resume.path("session_id").asText());
        assertEquals(lastSeen, resume.path("seq").asInt(), "resumed from the last dispatch the bot saw");
        assertEquals(List.of("/gateway", "/resume"), fake.gatewayPaths(), "reconnected to resume_gateway_url");
        assertEquals(1, fake.identifiedIntents().size(), "resumed, not identified again");
        commandIsAnsweredOnce();
    }

    @Test
    void cutGatewayResumesTheSessionAndTheNextCommandIsAnsweredOnce() throws Exception {
        String session = fake.sessionId();
        fake.cutGateway();
        fake.awaitSessions(2, WAIT);

        assertEquals(session, onlyOne(fake.resumes()).path("session_id").asText());
        assertEquals(1, fake.identifiedIntents().size(), "resumed, not identified again");
        commandIsAnsweredOnce();
    }

    @Test
    void sessionDiscordNoLongerKnowsIsIdentifiedAgainAndTheNextCommandIsAnsweredOnce() throws Exception {
        fake.forgetSession();
        fake.dropGateway(UNKNOWN_ERROR);
        fake.awaitSessions(2, WAIT);

        assertEquals(1, fake.resumes().size(), "tried to resume first");
        assertEquals(2, fake.identifiedIntents().size(), "then identified for a new session");
        commandIsAnsweredOnce();
    }

    @Test
    void commandSentWhileTheGatewayIsDownIsAnsweredOnceAfterTheResume() throws Exception {
        fake.gatewayDown(true);
        fake.dropGateway(UNKNOWN_ERROR);
        fake.awaitRefusedUpgrades(1, WAIT);
        backend.thenReport(report);
        Map<String, Object> interaction = fake.slashCommand("cf523", Map.of("target", "example.com"));
        fake.gatewayDown(false);
        fake.awaitSessions(2, WAIT);

        fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT);
        settle();
        assertAnsweredOnce(interaction);
    }

    @Test
    void interactionDeliveredAgainAfterAResumeIsAnsweredOnce() throws Exception {
        backend.thenReport(report).thenReport(report);
        Map<String, Object> interaction = fake.slashCommand("cf523", Map.of("target", "example.com"));
        fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT);

        fake.replayOnNextResume((String) interaction.get("id"));
        fake.dropGateway(UNKNOWN_ERROR);
        fake.awaitSessions(2, WAIT);
        settle();
        assertAnsweredOnce(interaction);
        assertEquals(1, backend.requests.size(), "triaged once");
    }

    @Test
    void pastedErrorDeliveredAgainAfterAResumeOpensOneThread() throws Exception {
        backend.thenReport(report).thenReport(report);
        String messageId = fake.memberMessage(PASTE);
        String threads = "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + messageId + "/threads";
        fake.await("POST", threads, WAIT);

        fake.replayOnNextResume(messageId);
        fake.dropGateway(UNKNOWN_ERROR);
        fake.awaitSessions(2, WAIT);
        settle();
        assertEquals(1, fake.count("POST", threads), fake.summary().toString());
        assertEquals(1, backend.requests.size(), "triaged once");
    }

    @Test
    void triageInFlightWhileTheGatewayIsDownDeliversItsReportOnce() throws Exception {
        CompletableFuture<TriageReport> running = backend.thenPending();
        Map<String, Object> interaction = fake.slashCommand("cf524", Map.of("target", "example.com"));
        fake.await("POST", FakeDiscord.callbackPath(interaction), WAIT);

        fake.gatewayDown(true);
        fake.dropGateway(UNKNOWN_ERROR);
        fake.awaitRefusedUpgrades(1, WAIT);
        running.complete(report);
        fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT);
        assertEquals(1, fake.resumes().size() + fake.identifiedIntents().size(), "delivered over REST while the gateway was down");

        fake.gatewayDown(false);
        fake.awaitSessions(2, WAIT);
        settle();
        assertAnsweredOnce(interaction);
    }

    /** A slash command sent now gets one deferral and one report. */
    private void commandIsAnsweredOnce() throws Exception {
        backend.thenReport(report);
        Map<String, Object> interaction = fake.slashCommand("cf523", Map.of("target", "example.com"));
        fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT);
        settle();
        assertAnsweredOnce(interaction);
        assertEquals(1, backend.requests.size(), "triaged once");
    }

    private void assertAnsweredOnce(Map<String, Object> interaction) {
        assertEquals(1, fake.count("POST", FakeDiscord.callbackPath(interaction)), "one deferral: " + fake.summary());
        assertEquals(1, fake.count("PATCH", FakeDiscord.originalPath(interaction)), "one report: " + fake.summary());
    }

    /**
     * Waits until the bot has handled every dispatch sent so far: a button on a forgotten report is answered at once,
     * and the gateway delivers in order, so by its answer the bot has acted on everything before it.
     */
    private void settle() throws InterruptedException {
        Map<String, Object> press = fake.buttonPress(DiscordEventHandler.RERUN + "settle", fake.snowflake(),
                FakeDiscord.CHANNEL_ID);
        fake.await("POST", FakeDiscord.callbackPath(press), WAIT);
    }

    private static JsonNode onlyOne(List<JsonNode> resumes) {
        assertEquals(1, resumes.size(), resumes.toString());
        return resumes.get(0);
    }
}
