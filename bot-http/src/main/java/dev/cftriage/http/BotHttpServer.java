package dev.cftriage.http;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A small hardened HTTP/1.1 server (Jetty 12) for the bots' webhooks, health and metrics. Routes are registered by
 * exact path: a POST route has a body cap and an {@link Authenticator} that runs before anything parses the body; a
 * GET route has a handler. Every client is held to {@link HttpLimits}: a body over its cap is refused by its declared
 * length before it is read, or as soon as it passes the cap while streaming; bodies are read without blocking
 * and must keep a minimum rate, so slow clients hold no worker thread; worker threads and connections (so the
 * workers' queue) are bounded.
 * Refusals are 400/401/404/405/408/413/503 with a short plain body, and leave one log line with lengths and a
 * reason, never a body. Unknown paths get 404. Thread-safe once built.
 */
public final class BotHttpServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private BotHttpServer(InetSocketAddress address, HttpLimits limits, Map<String, Route> routes) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(4, limits.maxThreads()));
        threads.setName("bot-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(limits.maxHeaderBytes());
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setIdleTimeout(limits.idleTimeout().toMillis());
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
        server.setErrorHandler(new PlainErrorHandler());
        server.setHandler(new RoutingHandler(routes, limits));
        server.setStopTimeout(2_000);
    }

    /** A builder for a server on the address (port 0 for any free port) with the limits. */
    public static Builder builder(InetSocketAddress address, HttpLimits limits) {
        return new Builder(address, limits);
    }

    /** Starts listening; returns once connections are accepted. */
    public void start() throws Exception {
        server.start();
    }

    /** The port the server listens on (useful after binding port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Collects routes; not thread-safe. */
    public static final class Builder {
        private final InetSocketAddress address;
        private final HttpLimits limits;
        private final Map<String, Route> routes = new LinkedHashMap<>();

        private Builder(InetSocketAddress address, HttpLimits limits) {
            this.address = address;
            this.limits = limits;
        }

        /**
         * A POST route: bodies over {@code maxBodyBytes} get 413, the authenticator decides 401 before the handler
         * sees the body.
         */
        public Builder post(String path, long maxBodyBytes, Authenticator authenticator, PostHandler handler) {
            return add(path, new Route.Post(maxBodyBytes, authenticator, handler));
        }

        /** A GET (and HEAD) route. */
        public Builder get(String path, GetHandler handler) {
            return add(path, new Route.Get(handler));
        }

        public BotHttpServer build() {
            return new BotHttpServer(address, limits, routes);
        }

        private Builder add(String path, Route route) {
            if (!path.startsWith("/") || routes.putIfAbsent(path, route) != null) {
                throw new IllegalArgumentException("route path must start with / and be new: " + path);
            }
            return this;
        }
    }
}
