package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cftriage.config.Secret;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.report.Cause;
import dev.cftriage.report.ReportJson;
import dev.cftriage.report.SslModeSummary;
import dev.cftriage.report.TextReport;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FakeCloudflare;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TestDnsServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The engine end to end with a fake Cloudflare API and status page on loopback: the API's records become origin
 * targets, its SSL mode turns guesses into certainties, the status page and the Ray ID lookup add Cloudflare's own
 * account, and API refusals become report lines — with the token appearing nowhere. The host's public DNS comes
 * from an in-process server that does not know it, so nothing but loopback is ever asked.
 */
class CloudflareScenariosTest {
    private static final Duration BUDGET = Duration.ofMillis(2500);
    private static final String HOST = "shop.example.test";
    private static final String TOKEN = "cf-test-token-SECRET-0123456789abcdef";
    private static final String ZONE = "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353";
    private static final String ACCOUNT = "/client/v4/accounts/01a7362d577a6c3019a474fd6f485823";

    private TestDnsServer dns;
    private FakeCloudflare cloudflare;

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start();
        cloudflare = new FakeCloudflare()
                .route("/client/v4/zones?name=" + HOST, "zones-none.json")
                .route("/client/v4/zones?name=example.test", "zones-example.json");
    }

    @AfterEach
    void stop() {
        cloudflare.close();
        dns.close();
    }

    private TriageConfig withApi(TriageConfig lab) {
        return lab.toBuilder().resolvers(List.of(dns.address())).cloudflareApiUrl(cloudflare.apiUrl())
                .cloudflareApiToken(Secret.of(TOKEN)).build();
    }

    private static TriageReport triage(TriageConfig config, int code, String text) {
        try (CfTriage engine = CfTriage.create(config)) {
            return engine.run(TriageRequest.of(code, text));
        }
    }

    private static Cause cause(TriageReport r, String id) {
        return r.causes().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no cause " + id + " in " + r.causes()));
    }

    @Test
    void theOriginsBehindProxiedRecordsAreProbedWithoutBeingGiven() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        cloudflare.route(ZONE + "/dns_records", "dns-records.json", origin.getHostAddress());
        try (FaultServer server = FaultServer.start(origin, 8080, Behaviour.OK)) {
            TriageReport r = triage(withApi(Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8080)).build()), 521,
                    HOST);

            ProbeResult tcp = r.probes().stream().filter(p -> p.name().equals("origin-tcp")).findFirst().orElseThrow();
            assertEquals(origin.getHostAddress() + ":8080", tcp.target());
            assertEquals(ProbeStatus.OK, tcp.status());
            assertTrue(server.accepted() > 0);
            ProbeResult records = r.probes().stream().filter(p -> p.name().equals("cf-api-dns")).findFirst().orElseThrow();
            assertEquals(FactSource.API, records.source());
            assertTrue(records.reason().contains("(proxied)"), records.reason());
            String json = ReportJson.write(r);
            assertTrue(json.contains("\"source\" : \"api\"") && json.contains("\"source\" : \"probe\""), json);
        }
    }

    @Test
    void strictModeAndASelfSignedCertificateMakeTheCauseCertain() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        cloudflare.route(ZONE + "/dns_records", "dns-records.json", origin.getHostAddress())
                .route(ZONE + "/settings/ssl", "settings-ssl-strict.json")
                .route(ZONE + "/settings/ssl_automatic_mode", "settings-ssl-automatic-custom.json");
        HeldCertificate selfSigned = new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST).build();
        try (FaultServer http = FaultServer.start(origin, 8080, Behaviour.OK);
             MockWebServer https = new MockWebServer()) {
            https.useHttps(new HandshakeCertificates.Builder().heldCertificate(selfSigned).build().sslSocketFactory());
            https.start(origin, 8443);

            TriageReport r = triage(withApi(Engines.loopbackLab(BUDGET)), 526, HOST);

            Cause top = r.topCause();
            assertEquals("tls-cert-self-signed", top.id());
            assertEquals(0.98, top.confidence());
            assertTrue(top.evidence().contains("zone SSL mode is Full (strict) [API]"), top.evidence().toString());
            assertTrue(top.sources().contains(FactSource.API) && top.sources().contains(FactSource.PROBE), top.sources().toString());
            SslModeSummary ssl = r.sslMode();
            assertEquals("strict", ssl.confirmed());
            assertEquals(Boolean.FALSE, ssl.automatic());
            assertEquals("strict", ssl.inferred());
            assertEquals(List.of(true, true, false), ssl.modes().stream().map(SslModeSummary.Mode::works).toList());
            String text = TextReport.render(r);
            assertTrue(text.contains("SSL/TLS mode: Full (strict) per the Cloudflare API; the evidence points to Full (strict)"), text);
            assertTrue(text.contains("confirmed by live probes and the Cloudflare API"), text);
        }
    }

    @Test
    void withoutTheApiTheProbesStillTellWhichModesWork() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer http = FaultServer.start(origin, 8080, Behaviour.OK)) {
            TriageReport r = triage(Engines.loopbackLab(BUDGET), 521, origin.getHostAddress());

            SslModeSummary ssl = r.sslMode();
            assertNull(ssl.confirmed());
            assertNull(ssl.inferred(), "Full and Full (strict) both give 521 when 443 refuses");
            assertEquals(List.of("full", "strict"), ssl.matching());
            SslModeSummary.Mode flexible = ssl.modes().get(0);
            assertEquals("flexible", flexible.mode());
            assertEquals(Boolean.TRUE, flexible.works());
            assertEquals(521, ssl.modes().get(1).predicts());
            assertTrue(ssl.modes().get(1).why().contains(origin.getHostAddress() + ":8443"), ssl.modes().get(1).why());
            assertFalse(r.probes().stream().anyMatch(p -> p.source() != FactSource.PROBE), "no Cloudflare source is on");
        }
    }

    @Test
    void aLiveIncidentAtTheRayIdsDataCentreIsACloudflareSideCauseWithItsLink() {
        cloudflare.route("/api/v2/summary.json", "status-summary-fra-incident.json");
        TriageConfig config = Engines.loopbackLab(BUDGET).toBuilder().resolvers(List.of(dns.address()))
                .cloudflareStatusUrl(cloudflare.statusUrl()).build();

        TriageReport r = triage(config, 502, HOST + " ray 8b2e5f3a1c9d4e7f-FRA");

        Cause side = cause(r, "cloudflare-side");
        assertTrue(side.confidence() >= 0.85, String.valueOf(side.confidence()));
        assertEquals(side, r.topCause());
        assertTrue(side.evidence().get(0).contains("Elevated 502 errors in Frankfurt")
                && side.evidence().get(0).contains("https://stspg.io/fra502"), side.evidence().toString());
        assertEquals(List.of(FactSource.STATUS_PAGE), side.sources());
        assertTrue(side.fix().get(0).contains("https://stspg.io/fra502") && side.fix().get(0).contains("FRA"), side.fix().toString());
        ProbeResult page = r.probes().stream().filter(p -> p.name().equals("status-page")).findFirst().orElseThrow();
        assertEquals(FactSource.STATUS_PAGE, page.source());
    }

    @Test
    void aHealthyDataCentreGivesNoCloudflareSideFinding() {
        cloudflare.route("/api/v2/summary.json", "status-summary-ok.json");
        TriageConfig config = Engines.loopbackLab(BUDGET).toBuilder().resolvers(List.of(dns.address()))
                .cloudflareStatusUrl(cloudflare.statusUrl()).build();

        TriageReport r = triage(config, 502, HOST + " ray 8b2e5f3a1c9d4e7f-FRA");

        assertTrue(r.causes().stream().noneMatch(c -> c.id().equals("cloudflare-side") && c.verified()), r.causes().toString());
    }

    @Test
    void aMissingScopeAndARateLimitBecomeReportLinesAndTheTokenAppearsNowhere() {
        cloudflare.route(ZONE + "/dns_records", 403, FakeCloudflare.fixture("error-403.json"))
                .rateLimited(ZONE + "/settings/ssl", 20);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            TriageReport r = triage(withApi(Engines.loopbackLab(BUDGET)).toBuilder().refreshRanges(true).build(), 526,
                    HOST);

            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("cf-api-dns:") && n.contains("403")
                    && n.contains("DNS Read")), r.notes().toString());
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("cf-api-ssl:") && n.contains("rate limiting")
                    && n.contains("retry after 20 s")), r.notes().toString());
            assertTrue(cloudflare.requests().stream().anyMatch(q -> ("Bearer " + TOKEN).equals(q.getHeaders().get("Authorization"))),
                    "the token was used");
            assertFalse(ReportJson.write(r).contains(TOKEN));
            assertFalse(TextReport.render(r).contains(TOKEN));
            assertTrue(logs.list.size() > 0, "the ranges refresh logged");
            assertTrue(logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains(TOKEN)));
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void aTunnelWithoutConnectionsIsDown() {
        cloudflare.route(ZONE + "/dns_records", "dns-records-tunnel.json")
                .route(ACCOUNT + "/cfd_tunnel", "tunnels.json")
                .route(ACCOUNT + "/cfd_tunnel/c1744f8b-faa1-48a4-9e5c-02ac921467fa/connections", "tunnel-connections-none.json");

        TriageReport r = triage(withApi(Engines.loopbackLab(BUDGET)), 530, HOST);

        Cause top = r.topCause();
        assertEquals("tunnel-down", top.id());
        assertEquals(0.97, top.confidence());
        assertTrue(top.evidence().get(0).contains("shop-tunnel") && top.evidence().get(0).endsWith("[API]"), top.evidence().toString());
    }

    @Test
    void aCnameToATunnelTheAccountDoesNotHaveIsStale() {
        cloudflare.route(ZONE + "/dns_records", "dns-records-tunnel.json")
                .route(ACCOUNT + "/cfd_tunnel", "tunnels-other.json");

        TriageReport r = triage(withApi(Engines.loopbackLab(BUDGET)), 530, HOST);

        assertEquals("tunnel-dns-stale", r.topCause().id());
        assertTrue(r.topCause().evidence().get(0).contains("c1744f8b-faa1-48a4-9e5c-02ac921467fa"), r.topCause().evidence().toString());
    }

    @Test
    void theRayIdsRecordShowsTheOriginsOwnError() {
        cloudflare.route(ZONE + "/dns_records", "dns-records.json", "192.0.2.10")
                .route("/client/v4/graphql", "graphql-ray-502.json");

        TriageReport r = triage(withApi(Engines.loopbackLab(BUDGET)), 502, HOST + " ray 8b2e5f3a1c9d4e7f-FRA");

        Cause origin = cause(r, "origin-http-error");
        assertEquals(0.95, origin.confidence());
        assertTrue(origin.evidence().get(0).contains("edge 502, origin 502 from 192.0.2.10"), origin.evidence().toString());
        assertTrue(origin.fix().get(0).contains("192.0.2.10") && origin.fix().get(0).contains("502"), origin.fix().toString());
        ProbeResult ray = r.probes().stream().filter(p -> p.name().equals("cf-api-ray")).findFirst().orElseThrow();
        assertEquals("8b2e5f3a1c9d4e7f", ray.target());
    }

    @Test
    void aRayIdMissingFromTheSampleIsInconclusive() {
        cloudflare.route(ZONE + "/dns_records", "dns-records.json", "192.0.2.10")
                .route("/client/v4/graphql", "graphql-empty.json");

        TriageReport r = triage(withApi(Engines.loopbackLab(BUDGET)), 502, HOST + " ray 8b2e5f3a1c9d4e7f-FRA");

        assertTrue(r.notes().stream().anyMatch(n -> n.contains("8b2e5f3a1c9d4e7f") && n.contains("inconclusive")),
                r.notes().toString());
        assertTrue(r.causes().stream().noneMatch(c -> c.id().equals("origin-http-error") && c.verified()));
    }
}
