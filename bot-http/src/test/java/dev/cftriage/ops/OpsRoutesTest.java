package dev.cftriage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The operations routes on a real server on loopback. */
class OpsRoutesTest {
    @Test
    void readinessFollowsItsChecksAndNamesTheOnesThatFail() throws Exception {
        AtomicBoolean connected = new AtomicBoolean(false);
        Readiness readiness = new Readiness().check("slack", connected::get).check("database", () -> {
            throw new IllegalStateException("unreachable");
        });
        try (var server = OpsRoutes.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new BotMetrics(),
                readiness)) {
            HttpResponse<String> notReady = OpsHttp.get(server.port(), "/readyz");
            readiness.check("database", () -> true);
            connected.set(true);
            HttpResponse<String> ready = OpsHttp.get(server.port(), "/readyz");

            assertEquals(503, notReady.statusCode());
            assertEquals("not ready: database, slack\n", notReady.body());
            assertEquals(200, ready.statusCode());
            assertEquals(200, OpsHttp.get(server.port(), "/healthz").statusCode());
        }
    }

    @Test
    void metricsAreServedInPrometheusTextFormat() throws Exception {
        BotMetrics metrics = new BotMetrics();
        metrics.busy();
        try (var server = OpsRoutes.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics,
                new Readiness())) {
            HttpResponse<String> answer = OpsHttp.get(server.port(), "/metrics");

            assertEquals(200, answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            assertTrue(answer.body().contains("# TYPE cftriage_refusals_busy_total counter\ncftriage_refusals_busy_total 1.0\n"),
                    answer.body());
        }
    }
}
