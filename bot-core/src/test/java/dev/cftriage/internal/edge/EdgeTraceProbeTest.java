package dev.cftriage.internal.edge;

import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.TraceFacts;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.SharedHttpClient;
import dev.cftriage.testing.VettedLoopback;
import dev.cftriage.internal.http.BuildInfo;
import dev.cftriage.testing.TlsFixtures;

import static dev.cftriage.testing.TlsFixtures.HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.net.VettedAddress;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EdgeTraceProbeTest {
    @RegisterExtension
    static final SharedHttpClient HTTP = new SharedHttpClient();

    private final VettedAddress edge = VettedLoopback.next();

    @Test
    void traceLinesBecomeFields() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST).build();
        try (MockWebServer server = TlsFixtures.https(edge.address(), 8443, cert);
                InputStream trace = getClass().getResourceAsStream("/edge/cdn-cgi-trace.txt")) {
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain")
                    .body(new String(trace.readAllBytes(), StandardCharsets.UTF_8)).build());

            TraceFacts facts = new EdgeTraceProbe(edge, 8443, HOST, HTTP.client()).run(Deadlines.budget(5000));

            assertEquals("FRA", facts.fields().get("colo"));
            assertEquals("TLSv1.3", facts.fields().get("tls"));
            assertEquals("cf-triage/0.1 (+edge probe)", facts.fields().get("uag"));
            assertEquals(16, facts.fields().size());
            assertEquals(ProbeStatus.OK, facts.verdict());
            assertTrue(facts.summary().contains("FRA"), facts.summary());
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            assertEquals("/cdn-cgi/trace", request.getTarget());
            assertEquals(BuildInfo.USER_AGENT, request.getHeaders().get("User-Agent"));
            assertEquals(HOST + ":8443", request.getHeaders().get("Host"));
        }
    }

    @Test
    void errorAnswerGivesNoTrace() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(edge.address(), 8080);
            server.enqueue(new MockResponse.Builder().code(404).body("<html lang=\"en\">colo=XXX</html>").build());

            TraceFacts facts = new EdgeTraceProbe(edge, 8080, HOST, HTTP.client()).run(Deadlines.budget(5000));

            assertTrue(facts.fields().isEmpty());
            assertEquals(ProbeStatus.FAIL, facts.verdict());
        }
    }

    @Test
    void onlyKeyValueLinesAreFields() {
        Map<String, String> fields = EdgeTraceProbe.fields("colo=LAX\n<html lang=\"en\">\nnot a field\nip=2001:db8::1\n");

        assertEquals(Map.of("colo", "LAX", "ip", "2001:db8::1"), fields);
    }
}
