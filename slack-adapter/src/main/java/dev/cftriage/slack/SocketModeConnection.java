package dev.cftriage.slack;

import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.io.IOException;

/**
 * The bot's Socket Mode connection to Slack (Bolt's client): {@link #connected()} is true from Slack's
 * {@code hello} until the WebSocket closes, so {@code /readyz} follows reconnects. Thread-safe.
 */
final class SocketModeConnection implements AutoCloseable {
    private final SocketModeApp socket;
    private volatile boolean connected;

    /** A connection for the app with the app-level token ({@code xapp-…}); not yet started. */
    SocketModeConnection(String appToken, App app) throws IOException {
        this.socket = new SocketModeApp(appToken, app);
        socket.getClient().addWebSocketMessageListener(message -> {
            if (isHello(message)) {
                connected = true;
            }
        });
        socket.getClient().addWebSocketCloseListener((code, reason) -> connected = false);
    }

    /** Opens the connection and returns; Bolt's client reconnects by itself. */
    void start() throws Exception {
        socket.startAsync();
    }

    /** True between Slack's {@code hello} and the connection's close. */
    boolean connected() {
        return connected;
    }

    @Override
    public void close() throws Exception {
        connected = false;
        socket.close();
    }

    private static boolean isHello(String message) {
        if (message == null || message.length() > 4_096 || !message.contains("\"hello\"")) {
            return false;
        }
        try {
            var json = JsonParser.parseString(message);
            return json.isJsonObject() && json.getAsJsonObject().has("type")
                    && "hello".equals(json.getAsJsonObject().get("type").getAsString());
        } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
    }
}
