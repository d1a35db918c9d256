package dev.cftriage.internal.edge;

import dev.cftriage.internal.evidence.EdgeFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.SharedHttpClient;
import dev.cftriage.testing.VettedLoopback;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EdgeProbeTest {
    @RegisterExtension
    static final SharedHttpClient HTTP = new SharedHttpClient();
    private static final HeldCertificate EDGE_CERT = new HeldCertificate.Builder().commonName(HOST)
            .addSubjectAlternativeName(HOST).build();

    private final VettedAddress edge = VettedLoopback.next();

    @Test
    void cloudflare523IsReadFromHeadersAndTheStructuredAnswer() throws Exception {
        CloudflareEdge dispatcher = new CloudflareEdge(error523Page(), error523Json());
        try (MockWebServer server = edgeServer(dispatcher)) {
            EdgeFacts facts = probe().run(budget(5000));

            assertEquals(HttpOutcome.RESPONSE, facts.http().outcome(), facts.http().summary());
            assertEquals(523, facts.http().status());
            assertEquals("cloudflare", facts.http().server());
            assertEquals("8b2e5f3a1c9d4e7f", facts.rayId());
            assertEquals("FRA", facts.colo());
            assertEquals("origin", facts.cfErrorType());
            assertFalse(facts.challenged());
            assertEquals("origin_unreachable", facts.errorName());
            assertEquals("origin", facts.errorCategory());
            assertEquals(Boolean.TRUE, facts.retryable());
            assertTrue(facts.cloudflareGenerated());
            assertEquals(ProbeStatus.FAIL, facts.verdict());
            assertEquals(2, dispatcher.accepts.size(), "the page and the structured error were both asked for");
            assertTrue(dispatcher.accepts.contains("application/json"), dispatcher.accepts.toString());
            assertTrue(dispatcher.accepts.stream().anyMatch(a -> a.startsWith("text/html")), dispatcher.accepts.toString());
        }
    }

    @Test
    void errorPageIsReadByThePasteParser() throws Exception {
        try (MockWebServer server = edgeServer(new CloudflareEdge(error523Page(), error523Json()))) {
            EdgeFacts facts = probe().run(budget(5000));

            assertNotNull(facts.page(), "the paste parser read the page");
            assertEquals(523, facts.page().code());
        }
    }

    @Test
    void challengeIsReportedAsChallengedNotAsAnOutage() throws Exception {
        MockResponse challenge = new MockResponse.Builder().code(403).addHeader("Server", "cloudflare")
                .addHeader("cf-ray", "8b2e5f3a1c9d4e70-AMS").addHeader("cf-mitigated", "challenge")
                .addHeader("Content-Type", "text/html; charset=UTF-8").body("<html><title>Just a moment...</title></html>").build();
        try (MockWebServer server = edgeServer(new CloudflareEdge(challenge, challenge))) {
            EdgeFacts facts = probe().run(budget(5000));

            assertTrue(facts.challenged());
            assertEquals(403, facts.http().status());
            assertEquals("AMS", facts.colo());
            assertNull(facts.errorName(), "an HTML answer carries no structured error");
            assertEquals(ProbeStatus.OK, facts.verdict());
            assertTrue(facts.summary().contains("challenge"), facts.summary());
        }
    }

    @Test
    void rayIdFallsBackToTheStructuredAnswer() throws Exception {
        MockResponse bare = new MockResponse.Builder().code(523).addHeader("Server", "cloudflare").body("origin unreachable").build();
        MockResponse json = new MockResponse.Builder().code(523).addHeader("Content-Type", "application/json")
                .body("{\"error_name\":\"origin_unreachable\",\"ray_id\":\"8b2e5f3a1c9d4e71\",\"retryable\":false}").build();
        try (MockWebServer server = edgeServer(new CloudflareEdge(bare, json))) {
            EdgeFacts facts = probe().run(budget(5000));

            assertEquals("8b2e5f3a1c9d4e71", facts.rayId());
            assertNull(facts.colo());
            assertEquals(Boolean.FALSE, facts.retryable());
        }
    }

    @Test
    void silentEdgeIsReportedWithinTheDeadline() throws Exception {
        try (FaultServer server = FaultServer.start(edge.address(), 8080, FaultServer.Behaviour.SILENT)) {
            EdgeFacts facts = Deadlines.runUnder(800, new EdgeProbe(edge, 8080, HOST, "/", HTTP.client())::run);

            assertEquals(HttpOutcome.NO_RESPONSE, facts.http().outcome());
            assertNull(facts.rayId());
            assertNull(facts.errorName());
            assertTrue(facts.summary().startsWith("the Cloudflare edge did not answer"), facts.summary());
        }
    }

    @Test
    void portCloudflareDoesNotProxyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EdgeProbe(edge, 8444, HOST, "/", HTTP.client()));
    }

    @Test
    void targetIsTheEdgeAddressAndPort() {
        EdgeProbe probe = probe();

        assertEquals("edge", probe.kind().id());
        assertEquals(edge.text() + ":8443", probe.target());
    }

    private EdgeProbe probe() {
        return new EdgeProbe(edge, 8443, HOST, "/", HTTP.client());
    }

    private MockWebServer edgeServer(Dispatcher dispatcher) throws IOException {
        MockWebServer server = TlsFixtures.https(edge.address(), 8443, EDGE_CERT);
        server.setDispatcher(dispatcher);
        return server;
    }

    private static MockResponse error523Page() throws IOException {
        return new MockResponse.Builder().code(523).addHeader("Server", "cloudflare").addHeader("cf-ray", "8b2e5f3a1c9d4e7f-FRA")
                .addHeader("cf-error-type", "origin").addHeader("Content-Type", "text/html; charset=UTF-8")
                .body(resource("523-page.html")).build();
    }

    private static MockResponse error523Json() throws IOException {
        return new MockResponse.Builder().code(523).addHeader("Server", "cloudflare").addHeader("cf-ray", "8b2e5f3a1c9d4e7f-FRA")
                .addHeader("Content-Type", "application/json").body(resource("523-structured.json")).build();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EdgeProbeTest.class.getResourceAsStream("/edge/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Answers JSON to {@code Accept: application/json} and the page otherwise, as Cloudflare's edge does. */
    private static final class CloudflareEdge extends Dispatcher {
        final List<String> accepts = java.util.Collections.synchronizedList(new ArrayList<>());
        private final MockResponse page;
        private final MockResponse json;

        CloudflareEdge(MockResponse page, MockResponse json) {
            this.page = page;
            this.json = json;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String accept = String.valueOf(request.getHeaders().get("Accept"));
            accepts.add(accept);
            return accept.contains("application/json") ? json : page;
        }
    }
}
