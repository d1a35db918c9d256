package dev.cftriage.internal.origin;

import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.Phases;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.http.ResponseReader;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.ScriptedPeer;
import dev.cftriage.testing.SharedHttpClient;
import dev.cftriage.testing.VettedLoopback;
import dev.cftriage.internal.http.BuildInfo;
import dev.cftriage.testing.TlsFixtures;

import static dev.cftriage.testing.TlsFixtures.HOST;
import static dev.cftriage.testing.Deadlines.budget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.net.VettedAddress;
import dev.cftriage.testing.FaultServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OriginHttpProbeTest {
    @RegisterExtension
    static final SharedHttpClient HTTP = new SharedHttpClient();

    private final VettedAddress address = VettedLoopback.next();

    @Test
    void goodHttpsExchangeSendsHostAndSniAndFillsEveryPhase() throws Exception {
        HeldCertificate self = new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST).build();
        try (MockWebServer server = TlsFixtures.https(address.address(), 8443, self)) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Server", "nginx/1.25").addHeader("Content-Type", "text/plain")
                    .body("hello from the origin").build());

            HttpFacts facts = probe(8443, "/status?x=1").run(budget(5000));

            assertEquals(HttpOutcome.RESPONSE, facts.outcome(), facts.summary());
            assertEquals(200, facts.status());
            assertEquals("https", facts.scheme());
            assertEquals(HOST, facts.host());
            assertEquals("nginx/1.25", facts.server());
            assertEquals("hello from the origin", facts.bodyStart());
            assertTrue(facts.bodyComplete());
            assertEquals(21, facts.bodyBytes());
            Phases phases = facts.phases();
            assertNotNull(phases.resolveMs());
            assertNotNull(phases.connectMs());
            assertNotNull(phases.tlsMs());
            assertNotNull(phases.processingMs());
            assertNotNull(phases.transferMs());
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            assertEquals(HOST + ":8443", request.getHeaders().get("Host"));
            assertEquals(List.of(HOST), request.getHandshakeServerNames());
            assertEquals(BuildInfo.USER_AGENT, request.getHeaders().get("User-Agent"));
            assertEquals("/status?x=1", request.getTarget());
            assertEquals("HTTP/1.1", request.getVersion());
        }
    }

    @Test
    void plainHttpPortIsAskedInHttpWithoutTlsPhase() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.OK);

        assertEquals(HttpOutcome.RESPONSE, facts.outcome());
        assertEquals("http", facts.scheme());
        assertEquals(200, facts.status());
        assertEquals("ok", facts.bodyStart());
        assertNull(facts.phases().tlsMs());
        assertNotNull(facts.phases().connectMs());
        assertEquals(ProbeStatus.OK, facts.verdict());
    }

    @Test
    void originAnswering502IsAResponseWithItsStatus() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.BAD_GATEWAY);

        assertEquals(HttpOutcome.RESPONSE, facts.outcome());
        assertEquals(502, facts.status());
        assertEquals("nginx", facts.server());
        assertEquals("nginx", facts.headers().get("server"));
        assertEquals("text/html", facts.headers().get("content-type"));
        assertTrue(facts.bodyStart().contains("502 Bad Gateway"), facts.bodyStart());
        assertEquals(ProbeStatus.FAIL, facts.verdict());
    }

    @Test
    void refusedPortIsConnectFailed() {
        HttpFacts facts = probe(8080, "/").run(budget(3000));

        assertEquals(HttpOutcome.CONNECT_FAILED, facts.outcome());
        assertNull(facts.status());
        assertNotNull(facts.detail());
    }

    @Test
    void silentOriginIsNoResponseBeforeTheDeadline() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.SILENT, Duration.ZERO, 800);

        assertEquals(HttpOutcome.NO_RESPONSE, facts.outcome(), facts.detail());
        assertNotNull(facts.phases().connectMs());
        assertNull(facts.phases().processingMs());
    }

    @Test
    void slowOriginIsTimedFromRequestToResponse() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.SLOW, Duration.ofMillis(400), 3000);

        assertEquals(HttpOutcome.RESPONSE, facts.outcome());
        assertTrue(facts.phases().processingMs() >= 350, "processing " + facts.phases().processingMs());
        assertEquals("slow", facts.bodyStart());
    }

    @Test
    void connectionClosedWithoutAByteIsAnEmptyReplyAndNotRetried() throws Exception {
        try (FaultServer server = FaultServer.start(address.address(), 8080, FaultServer.Behaviour.EMPTY_REPLY)) {
            HttpFacts facts = probe(8080, "/").run(budget(3000));

            assertEquals(HttpOutcome.EMPTY_REPLY, facts.outcome(), facts.detail());
            assertEquals(1, server.accepted(), "no retry");
        }
    }

    @Test
    void resetConnectionIsReset() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.RESET);

        assertEquals(HttpOutcome.RESET, facts.outcome(), facts.detail());
    }

    @Test
    void headersOverCloudflaresLimitsAreTooLargeAndKeepTheStatus() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.OVERSIZED_HEADERS);

        assertEquals(HttpOutcome.HEADERS_TOO_LARGE, facts.outcome());
        assertEquals(200, facts.status());
        assertTrue(facts.headerBytes() > 40_000, "header bytes " + facts.headerBytes());
        assertTrue(facts.largestHeaderBytes() > 20_000 && facts.largestHeaderBytes() < 20_100,
                "largest " + facts.largestHeaderBytes());
    }

    @Test
    void headersWithinCloudflaresLimitsAreMeasured() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.OK);

        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n";
        assertEquals(head.getBytes(StandardCharsets.US_ASCII).length, facts.headerBytes());
        assertEquals("Content-Type: text/plain\r\n".length(), facts.largestHeaderBytes());
    }

    @Test
    void headerBeyondOkHttpsOwnLimitIsStillTooLarge() throws Exception {
        String huge = "HTTP/1.1 200 OK\r\nSet-Cookie: huge=" + "z".repeat(300_000) + "\r\n\r\n";
        try (ScriptedPeer peer = ScriptedPeer.start(address.address(), 8080, socket -> {
            socket.getInputStream().read(new byte[4096]);
            socket.getOutputStream().write(huge.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(1_000);
        })) {
            HttpFacts facts = probe(8080, "/").run(budget(3000));

            assertEquals(HttpOutcome.HEADERS_TOO_LARGE, facts.outcome(), facts.detail());
            assertTrue(facts.headerBytes() > 200_000, "header bytes " + facts.headerBytes());
        }
    }

    @Test
    void garbageInsteadOfHttpIsAProtocolError() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.GARBAGE);

        assertEquals(HttpOutcome.PROTOCOL_ERROR, facts.outcome());
        assertTrue(facts.detail().contains("status line"), facts.detail());
    }

    @Test
    void plainHttpOnTheHttpsPortIsATlsFailure() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.start(address.address(), 8443, ScriptedPeer.PLAIN_HTTP)) {
            HttpFacts facts = probe(8443, "/").run(budget(3000));

            assertEquals(HttpOutcome.TLS_FAILED, facts.outcome(), facts.detail());
            assertNotNull(facts.phases().connectMs());
            assertNull(facts.phases().tlsMs());
        }
    }

    @Test
    void dribblingBodyEndsAtTheDeadline() throws Exception {
        HttpFacts facts = against(FaultServer.Behaviour.DRIBBLE, Duration.ofMillis(50), 1000);

        assertEquals(HttpOutcome.RESPONSE, facts.outcome());
        assertEquals(200, facts.status());
        assertFalse(facts.bodyComplete());
        assertTrue(facts.bodyBytes() > 0 && facts.bodyBytes() < 100_000, "body bytes " + facts.bodyBytes());
        assertNotNull(facts.phases().transferMs());
    }

    @Test
    void endlessBodyIsReadUpToTheCap() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(address.address(), 8080);
            server.enqueue(new MockResponse.Builder().body("x".repeat(200_000)).build());

            HttpFacts facts = probe(8080, "/").run(budget(5000));

            assertEquals(ResponseReader.BODY_CAP, facts.bodyBytes());
            assertFalse(facts.bodyComplete());
            assertEquals(512, facts.bodyStart().length());
        }
    }

    @Test
    void triageHeadersAreKeptAndOthersDropped() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(address.address(), 8080);
            server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "https://origin.example/")
                    .addHeader("X-Powered-By", "PHP/8.3").addHeader("Via", "1.1 varnish").addHeader("X-Secret", "do-not-keep").build());

            HttpFacts facts = probe(8080, "/").run(budget(3000));

            assertEquals(301, facts.status(), "redirects are not followed");
            assertEquals("https://origin.example/", facts.headers().get("location"));
            assertEquals("PHP/8.3", facts.headers().get("x-powered-by"));
            assertEquals("1.1 varnish", facts.headers().get("via"));
            assertFalse(facts.headers().containsKey("x-secret"));
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void bodyStartDropsControlCharacters() {
        assertEquals("a\nb\tc", ResponseReader.bodyStart("a\r\n\u0000b\tc\u001b"));
        assertNull(ResponseReader.bodyStart(""));
    }

    @Test
    void portCloudflareDoesNotProxyIsRefusedBeforeAnyConnection() throws Exception {
        try (FaultServer server = FaultServer.start(address.address(), 9080, FaultServer.Behaviour.OK)) {
            assertThrows(IllegalArgumentException.class, () -> new OriginHttpProbe(address, 9080, HOST, "/", HTTP.client()));

            assertEquals(0, server.accepted());
        }
    }

    @Test
    void targetIsTheAddressAndPort() {
        OriginHttpProbe probe = probe(2096, "/");

        assertEquals("origin-http", probe.kind().id());
        assertEquals(address.text() + ":2096", probe.target());
    }

    private OriginHttpProbe probe(int port, String path) {
        return new OriginHttpProbe(address, port, HOST, path, HTTP.client());
    }

    /** The probe's facts against a plain-HTTP FaultServer on port 8080 acting out the behaviour. */
    private HttpFacts against(FaultServer.Behaviour behaviour) throws Exception {
        return against(behaviour, Duration.ZERO, 3000);
    }

    /** The same with a delay, under a budget of {@code budgetMillis}. */
    private HttpFacts against(FaultServer.Behaviour behaviour, Duration delay, long budgetMillis) throws Exception {
        try (FaultServer server = FaultServer.start(address.address(), 8080, behaviour, delay)) {
            return Deadlines.runUnder(budgetMillis, probe(8080, "/")::run);
        }
    }
}
