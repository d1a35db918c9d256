package dev.cftriage.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;

/**
 * The bot's Socket Mode connection to Slack (Bolt's client, which reconnects by itself and answers Slack's
 * {@code disconnect}). {@link #connected()} checks the live WebSocket with a ping, as Bolt's own session monitor
 * does, so {@code /readyz} follows reconnects. Thread-safe.
 */
final class SocketModeConnection implements AutoCloseable {
    private final SocketModeApp socket;

    /** A connection for the app with the app-level token ({@code xapp-…}); not yet started. */
    SocketModeConnection(String appToken, App app) throws IOException {
        this.socket = new SocketModeApp(appToken, app);
    }

    /** Opens the connection ({@code apps.connections.open}, then the WebSocket) and returns. */
    void start() throws Exception {
        socket.startAsync();
    }

    /** True while the WebSocket is open and answers a ping; may wait briefly for the pong. */
    boolean connected() {
        SocketModeClient client = socket.getClient();
        return client != null && !socket.isClientStopped() && client.verifyConnection();
    }

    /** Closes the WebSocket (close code 1000) and stops reconnecting. */
    @Override
    public void close() throws Exception {
        socket.close();
    }
}
