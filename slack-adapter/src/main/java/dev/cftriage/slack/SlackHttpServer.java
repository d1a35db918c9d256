package dev.cftriage.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import java.net.InetSocketAddress;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Bolt's HTTP mode: Jetty serving the app at {@code /slack/events} on one address and port. Unlike Bolt's own
 * {@code SlackAppServer} it binds the address given (loopback in tests), reports the port it got, and
 * {@link #start()} returns once it listens. Request signatures are checked by the app's middleware: forged or
 * stale requests get 401 before any handler runs.
 */
final class SlackHttpServer implements AutoCloseable {
    /** The path Slack posts commands, events and interactions to. */
    static final String PATH = "/slack/events";

    private final App app;
    private final Server server;
    private final ServerConnector connector;

    SlackHttpServer(App app, InetSocketAddress address) {
        this.app = app;
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        app.config().setAppPath(PATH);
        handler.addServlet(new ServletHolder(new SlackAppServlet(app)), PATH);
        server.setHandler(handler);
    }

    /** Starts the app and the server; returns once it accepts connections. */
    void start() throws Exception {
        app.start();
        server.start();
    }

    /** The port the server listens on (useful after binding port 0). */
    int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        app.stop();
    }
}
