package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.ops.OpsHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.WebSocket;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end: the real Bolt Socket Mode client, started by {@link SlackMain} with
 * {@code SLACK_APP_TOKEN}, against {@link FakeSlack}'s {@code apps.connections.open} and WebSocket on loopback.
 * Every envelope is acknowledged by its id within Slack's 3 s; a {@code disconnect} makes the bot connect again;
 * stopping the bot closes the connection.
 */
class SlackSocketModeTest {
    /** Slack's limit for acknowledging an envelope. */
    private static final Duration SLACK_ACK = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void slashCommandsEventsAndInteractionsAreAcknowledgedAndADisconnectIsFollowedByANewConnection() throws Exception {
        SocketModePeer peer = new SocketModePeer();
        try (FakeSlack slack = new FakeSlack()) {
            slack.acceptSocketMode(peer);
            Map<String, String> env = SlackOperationsTest.env(slack);
            env.put("SLACK_APP_TOKEN", "xapp-1-test-token-0123456789");
            SlackMain.Running bot = SlackMain.start(env);
            try {
                WebSocket socket = peer.awaitConnection(WAIT);
                awaitReady(bot.port());

                peer.send(socket, "env-command", "slash_commands", Map.of("command", "/cftriage", "text", "help",
                        "user_id", SlackRequests.USER, "channel_id", SlackRequests.CHANNEL, "team_id", "T0000001",
                        "response_url", slack.responseUrl("sm"), "trigger_id", "1.2.3"));
                JsonNode commandAck = peer.nextAck(SLACK_ACK);
                assertNotNull(commandAck, "the slash command was acknowledged within 3 s");
                assertEquals("env-command", commandAck.path("envelope_id").asText());
                assertTrue(commandAck.path("payload").path("text").asText().startsWith("Usage:"), commandAck.toString());

                peer.send(socket, "env-event", "events_api", JSON.readTree("{\"token\":\"unused\",\"team_id\":\"T0000001\","
                        + "\"api_app_id\":\"A0000001\",\"type\":\"event_callback\",\"event_id\":\"EvSM1\","
                        + "\"event_time\":1700000000,\"event\":" + SlackRequests.mention("1700000200.000100",
                        "1700000200.000100", "help") + "}"));
                assertAck(peer, "env-event");
                FakeSlack.Call usage = slack.await("/api/chat.postMessage", 1, WAIT).get(0);
                assertEquals("1700000200.000100", usage.get("thread_ts"));

                peer.send(socket, "env-button", "interactive", JSON.readTree("{\"type\":\"block_actions\","
                        + "\"trigger_id\":\"1.3\",\"response_url\":\"" + slack.responseUrl("button") + "\","
                        + "\"team\":{\"id\":\"T0000001\"},\"user\":{\"id\":\"" + SlackRequests.USER + "\"},"
                        + "\"channel\":{\"id\":\"" + SlackRequests.CHANNEL + "\"},\"container\":{\"type\":\"message\","
                        + "\"message_ts\":\"1700000000.1002\",\"channel_id\":\"" + SlackRequests.CHANNEL + "\"},"
                        + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + ReportButtons.BUNDLE + "\","
                        + "\"block_id\":\"b\",\"value\":\"not a request\",\"action_ts\":\"1700000500.0\"}]}"));
                assertAck(peer, "env-button");

                int urlsBefore = slack.calls("/api/apps.connections.open").size();
                socket.send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\","
                        + "\"debug_info\":{\"host\":\"fake\"}}");
                WebSocket again = peer.awaitConnection(WAIT);
                peer.send(again, "env-after", "slash_commands", Map.of("command", "/cftriage", "text", "",
                        "user_id", SlackRequests.USER, "channel_id", SlackRequests.CHANNEL, "team_id", "T0000001",
                        "response_url", slack.responseUrl("sm2"), "trigger_id", "1.2.4"));
                assertAck(peer, "env-after");
                assertTrue(slack.calls("/api/apps.connections.open").size() > urlsBefore, "a new URL for the new connection");
            } finally {
                bot.stop();
            }
            List<Integer> closes = List.of(peer.nextClosedByBot(WAIT));
            assertEquals(List.of(1000), closes, "stopping the bot closed its connection");
        }
    }

    private static void assertAck(SocketModePeer peer, String envelopeId) throws InterruptedException {
        JsonNode ack = peer.nextAck(SLACK_ACK);
        assertNotNull(ack, envelopeId + " was acknowledged within 3 s");
        assertEquals(envelopeId, ack.path("envelope_id").asText(), ack.toString());
    }

    /** Waits until {@code /readyz} answers 200: the bot has heard Slack's hello. */
    private static void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (OpsHttp.get(port, "/readyz").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never ready: " + OpsHttp.get(port, "/readyz").body());
            }
            Thread.sleep(20);
        }
    }
}
