package dev.cftriage.internal.http;

import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.SharedHttpClient;
import dev.cftriage.testing.VettedLoopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cftriage.internal.net.VettedAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpProbeClientTest {
    @RegisterExtension
    static final SharedHttpClient HTTP = new SharedHttpClient();

    private final VettedAddress address = VettedLoopback.next();

    @Test
    void everyNameResolvesToTheVettedAddressOnly() throws Exception {
        try (MockWebServer server = server()) {
            server.enqueue(new MockResponse.Builder().body("pinned").build());

            HttpExchange exchange = HTTP.client().exchange(Deadlines.budget(5000), request("no-such-host.invalid"), HttpExchange::facts);

            assertEquals(200, exchange.facts().status());
            assertEquals("pinned", exchange.body());
            assertNotNull(exchange.facts().phases().resolveMs());
            assertEquals("no-such-host.invalid:8080", server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Host"));
        }
    }

    @Test
    void exchangesNeverShareAConnection() throws Exception {
        try (MockWebServer server = server()) {
            server.enqueue(new MockResponse.Builder().body("one").build());
            server.enqueue(new MockResponse.Builder().body("two").build());

            HttpExchange first = HTTP.client().exchange(Deadlines.budget(5000), request("origin.example"), HttpExchange::facts);
            HttpExchange second = HTTP.client().exchange(Deadlines.budget(5000), request("origin.example"), HttpExchange::facts);

            RecordedRequest one = server.takeRequest(1, TimeUnit.SECONDS);
            RecordedRequest two = server.takeRequest(1, TimeUnit.SECONDS);
            assertNotEquals(one.getConnectionIndex(), two.getConnectionIndex());
            assertNotNull(first.facts().phases().connectMs());
            assertNotNull(second.facts().phases().connectMs());
        }
    }

    @Test
    void ipLiteralHostGoesToTheVettedAddressWithItsOwnHostHeader() throws Exception {
        try (MockWebServer server = server()) {
            server.enqueue(new MockResponse.Builder().body("literal").build());

            HttpExchange exchange = HTTP.client().exchange(Deadlines.budget(5000), request(address.text()), HttpExchange::facts);

            assertEquals(200, exchange.facts().status());
            assertNull(exchange.facts().phases().resolveMs(), "nothing to resolve");
            assertEquals(address.text() + ":8080", server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Host"));
        }
    }

    @Test
    void asyncExchangeGivesTheSameFacts() throws Exception {
        try (MockWebServer server = server()) {
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Server", "origin").body("busy").build());

            HttpExchange exchange = HTTP.client().exchangeAsync(Deadlines.budget(5000), request("origin.example")).get(5, TimeUnit.SECONDS);

            assertEquals(HttpOutcome.RESPONSE, exchange.facts().outcome());
            assertEquals(503, exchange.facts().status());
            assertEquals("origin", exchange.facts().server());
            assertEquals("busy", exchange.body());
        }
    }

    private MockWebServer server() throws Exception {
        MockWebServer server = new MockWebServer();
        server.start(address.address(), 8080);
        return server;
    }

    private ProbeRequest request(String host) {
        return new ProbeRequest(address, 8080, host, "/", Map.of("User-Agent", "cf-triage test"));
    }
}
