package dev.cftriage.ops;

import dev.cftriage.http.BotHttpServer;
import dev.cftriage.http.HttpAnswer;
import dev.cftriage.http.HttpLimits;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The routes for orchestrators and Prometheus on a bot's HTTP server: {@code GET /healthz} (200 while the process
 * serves), {@code GET /readyz} (200 when every {@link Readiness} check holds, else 503 naming the failing ones) and
 * {@code GET /metrics} (Prometheus' text format). Stateless.
 */
public final class OpsRoutes {
    /** Prometheus' text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4";

    private OpsRoutes() {
    }

    /**
     * Starts a server on the address with only these routes (a bot without webhooks: Discord, Slack's Socket
     * Mode); returns once it listens.
     */
    public static BotHttpServer serve(InetSocketAddress address, BotMetrics metrics, Readiness readiness) throws Exception {
        BotHttpServer server = addTo(BotHttpServer.builder(address, HttpLimits.defaults()), metrics, readiness).build();
        server.start();
        return server;
    }

    /** Adds the three routes to the builder and returns it. */
    public static BotHttpServer.Builder addTo(BotHttpServer.Builder server, BotMetrics metrics, Readiness readiness) {
        return server
                .get("/healthz", request -> HttpAnswer.text(200, "ok\n"))
                .get("/readyz", request -> {
                    List<String> failing = readiness.failing();
                    return failing.isEmpty() ? HttpAnswer.text(200, "ready\n")
                            : HttpAnswer.text(503, "not ready: " + String.join(", ", failing) + "\n").because("not ready");
                })
                .get("/metrics", request -> new HttpAnswer(200, PROMETHEUS_TEXT, metrics.scrape(), null));
    }
}
