package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.report.Cause;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TestDnsServer;
import dev.cftriage.testing.TlsFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine end to end against HTTPS origins with bad certificates, and against a fake Cloudflare edge on
 * loopback, reached through an in-process DNS server.
 */
class TlsAndEdgeScenariosTest {
    private static final Duration BUDGET = Duration.ofMillis(2000);
    private static final String HOST = "secure.example.test";

    @TempDir
    Path dir;
    private TestDnsServer dns;
    private MockWebServer server;

    @BeforeEach
    void startDns() throws Exception {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stop() throws IOException {
        dns.close();
        if (server != null) {
            server.close();
        }
    }

    private TriageReport triage(TriageConfig config, Integer code, String text) {
        try (CfTriage engine = CfTriage.create(config.toBuilder().resolvers(List.of(dns.address())).build())) {
            return engine.run(new TriageRequest(text, code, List.of()));
        }
    }

    /** Serves {@code leaf} (with its chain) for {@link #HOST} on 8443 and triages a 526 there. */
    private TriageReport triageOriginPresenting(HeldCertificate leaf, HeldCertificate trustedRoot, HeldCertificate... chain)
            throws IOException {
        InetAddress origin = LoopbackAddresses.next();
        dns.a(HOST, origin.getHostAddress());
        server = TlsFixtures.https(origin, 8443, leaf, java.util.Arrays.stream(chain).map(HeldCertificate::certificate)
                .toArray(java.security.cert.X509Certificate[]::new));
        server.setDispatcher(ok());
        TriageConfig config = Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8443)).build();
        if (trustedRoot != null) {
            config = config.toBuilder().caFile(TlsFixtures.pemFile(dir, trustedRoot)).build();
        }
        return triage(config, 526, HOST);
    }

    private static Dispatcher ok() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).body("ok").build();
            }
        };
    }

    private static Cause cause(TriageReport r, String id) {
        return r.causes().stream().filter(c -> c.id().equals(id) && c.verified()).findFirst()
                .orElseThrow(() -> new AssertionError("no verified " + id + " in " + r.causes()));
    }

    @Test
    void aSelfSignedOriginCertificateIsTheTopCauseOf526() throws Exception {
        HeldCertificate self = new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST).build();
        TriageReport r = triageOriginPresenting(self, null);
        assertEquals("tls-cert-self-signed", r.topCause().id());
    }

    @Test
    void anExpiredOriginCertificateNamesItsExpiryDate() throws Exception {
        HeldCertificate root = TlsFixtures.root();
        Instant end = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HeldCertificate leaf = new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST)
                .validityInterval(end.minus(90, ChronoUnit.DAYS).toEpochMilli(), end.toEpochMilli())
                .signedBy(root).build();
        TriageReport r = triageOriginPresenting(leaf, root);
        assertEquals("tls-cert-expired", r.topCause().id());
        assertTrue(r.topCause().evidence().get(0).contains(end.toString().substring(0, 10)), r.topCause().evidence().toString());
        assertTrue(r.topCause().fix().get(0).contains(HOST), r.topCause().fix().toString());
    }

    @Test
    void aCertificateForAnotherNameIsReportedAsAMismatch() throws Exception {
        HeldCertificate root = TlsFixtures.root();
        HeldCertificate leaf = TlsFixtures.leaf("other.example.test", root);
        TriageReport r = triageOriginPresenting(leaf, root);
        assertEquals("tls-cert-hostname-mismatch", r.topCause().id());
        assertTrue(r.topCause().evidence().get(0).contains("other.example.test"), r.topCause().evidence().toString());
    }

    @Test
    void aCertificateFromAnUnknownCaIsReportedAsUntrusted() throws Exception {
        HeldCertificate unknownRoot = TlsFixtures.root();
        HeldCertificate leaf = TlsFixtures.leaf(HOST, unknownRoot);
        TriageReport r = triageOriginPresenting(leaf, null);
        assertEquals("tls-cert-untrusted", r.topCause().id());
        assertTrue(r.causes().stream().noneMatch(c -> c.id().equals("tls-cert-self-signed")),
                "a leaf from an unknown CA is not self-signed, so that cause is ruled out: " + r.causes());
    }

    @Test
    void aValidCertificateRulesOutEveryCertificateCause() throws Exception {
        HeldCertificate root = TlsFixtures.root();
        TriageReport r = triageOriginPresenting(TlsFixtures.leaf(HOST, root), root);
        List<String> disproved = List.of("tls-handshake-failed", "tls-cert-expired", "tls-cert-self-signed",
                "tls-cert-hostname-mismatch", "tls-cert-untrusted");
        assertTrue(r.causes().stream().noneMatch(c -> disproved.contains(c.id())), r.causes().toString());
    }

    @Test
    void aFakeEdgeAnswering523SuppliesTheCodeAndTheRayId() throws Exception {
        TriageReport r = triageBehindFakeEdge(523, resource("/edge/523-page.html"));
        assertNotNull(r.edge(), "the edge was probed");
        assertEquals(523, r.edge().status());
        assertEquals("FRA", r.edge().colo());
        assertEquals(523, r.code().code());
        assertEquals("edge", r.code().source());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("origin=")), "says how to reach the hidden origin: " + r.notes());
        assertTrue(server.getRequestCount() >= 2, "page and trace were both asked for");
    }

    @Test
    void aFakeEdgeAnswering403WithA1020NamesTheEdgeAsTheSourceOfTheCode() throws Exception {
        TriageReport r = triageBehindFakeEdge(403, "error code: 1020");
        assertEquals(403, r.edge().status());
        assertEquals(1020, r.code().code());
        assertEquals("edge", r.code().source());
    }

    /** Triages https://shop.example.test:8443/cart behind a fake edge that answers {@code status} with {@code body}. */
    private TriageReport triageBehindFakeEdge(int status, String body) throws IOException {
        InetAddress edge = LoopbackAddresses.next();
        Path ranges = Files.writeString(dir.resolve("ranges.txt"), edge.getHostAddress() + "/32\n");
        dns.a("shop.example.test", edge.getHostAddress());
        HeldCertificate cert = TlsFixtures.leaf("shop.example.test", TlsFixtures.root());
        server = TlsFixtures.https(edge, 8443, cert);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/cdn-cgi/trace")) {
                    return new MockResponse.Builder().code(200).body("fl=1\nh=shop.example.test\ncolo=FRA\nhttp=http/1.1\n").build();
                }
                return new MockResponse.Builder().code(status).addHeader("server", "cloudflare")
                        .addHeader("cf-ray", "8b2e5f3a1c9d4e7f-FRA").addHeader("content-type", "text/html").body(body).build();
            }
        });
        TriageConfig config = Engines.loopbackLab(BUDGET).toBuilder().cloudflareRanges(ranges).build();
        return triage(config, null, "https://shop.example.test:8443/cart");
    }

    @Test
    void anEdgeAddressThatDoesNotAnswerPointsAtCloudflare() throws Exception {
        InetAddress edge = LoopbackAddresses.next();
        Path ranges = Files.writeString(dir.resolve("ranges.txt"), edge.getHostAddress() + "/32\n");
        dns.a("down.example.test", edge.getHostAddress());
        TriageReport r = triage(Engines.loopbackLab(BUDGET).toBuilder().cloudflareRanges(ranges).build(), 502,
                "down.example.test");
        Cause side = cause(r, "cloudflare-side");
        assertTrue(side.evidence().get(0).contains("edge"), side.evidence().toString());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TlsAndEdgeScenariosTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
