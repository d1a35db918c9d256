package dev.cftriage.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Slack's side of Socket Mode on {@link FakeSlack}: says {@code hello} on each new connection, sends envelopes,
 * collects the acknowledgements the bot sends back, and notes each connection the bot closes.
 */
final class SocketModePeer extends WebSocketListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> acks = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> closedByBot = new LinkedBlockingQueue<>();

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        webSocket.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                + "\"connection_info\":{\"app_id\":\"A0000001\"}}");
        opened.add(webSocket);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("envelope_id")) {
                acks.add(message);
            }
        } catch (JsonProcessingException e) {
            acks.add(JSON.createObjectNode().put("unreadable", text));
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        closedByBot.add(code);
        webSocket.close(1000, null);
    }

    /** The next connection the bot opened, waiting at most {@code timeout}. */
    WebSocket awaitConnection(Duration timeout) throws InterruptedException {
        WebSocket socket = opened.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (socket == null) {
            throw new AssertionError("the bot opened no Socket Mode connection within " + timeout);
        }
        return socket;
    }

    /** Sends an envelope of the type around the payload, with {@code accepts_response_payload} as Slack sets it. */
    void send(WebSocket socket, String envelopeId, String type, Object payload) throws JsonProcessingException {
        socket.send(JSON.writeValueAsString(Map.of("envelope_id", envelopeId, "type", type, "payload", payload,
                "accepts_response_payload", !type.equals("events_api"), "retry_attempt", 0, "retry_reason", "")));
    }

    /** The next acknowledgement, waiting at most {@code timeout}; null when none came. */
    JsonNode nextAck(Duration timeout) throws InterruptedException {
        return acks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code of the next connection the bot closed, waiting at most {@code timeout}; null when none. */
    Integer nextClosedByBot(Duration timeout) throws InterruptedException {
        return closedByBot.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
