package dev.cftriage.slack;

import com.slack.api.bolt.App;
import dev.cftriage.http.BotHttpServer;
import dev.cftriage.incidents.AlertWebhook;
import dev.cftriage.http.HttpLimits;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * Bolt's HTTP mode on cf-triage's hardened server ({@link BotHttpServer}): {@code /slack/events} on one address and
 * port. Bodies are capped at {@link #MAX_BODY_BYTES} and read without blocking; the Slack signature and a timestamp
 * within 5 minutes are checked before Bolt sees a byte ({@link SlackSignatureCheck}); replays are acknowledged and
 * dropped ({@link SlackEventsRoute}). {@link #start()} returns once it listens.
 */
final class SlackHttpServer implements AutoCloseable {
    /** The path Slack posts commands, events and interactions to. */
    static final String PATH = "/slack/events";
    /** Slack's payloads are a few KB; this is generous. */
    static final long MAX_BODY_BYTES = 1L << 20;

    private final App app;
    private final BotHttpServer server;

    SlackHttpServer(App app, InetSocketAddress address) {
        this(app, address, HttpLimits.defaults(), Clock.systemUTC());
    }

    /** A server with the limits, checking timestamps against the clock. */
    SlackHttpServer(App app, InetSocketAddress address, HttpLimits limits, Clock clock) {
        this(app, address, limits, clock, null);
    }

    /** A server that also serves Cloudflare's alerts at {@link AlertWebhook#PATH} (when {@code alerts} is not null). */
    SlackHttpServer(App app, InetSocketAddress address, HttpLimits limits, Clock clock, AlertWebhook alerts) {
        this.app = app;
        app.config().setAppPath(PATH);
        BotHttpServer.Builder builder = BotHttpServer.builder(address, limits)
                .post(PATH, MAX_BODY_BYTES, new SlackSignatureCheck(app.config().getSigningSecret(), clock),
                        new SlackEventsRoute(app));
        this.server = (alerts == null ? builder : alerts.addTo(builder)).build();
    }

    /** Starts the app and the server; returns once it accepts connections. */
    void start() throws Exception {
        app.start();
        server.start();
    }

    /** The port the server listens on (useful after binding port 0). */
    int port() {
        return server.port();
    }

    /** Blocks until the server stops. */
    void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.close();
        app.stop();
    }
}
