package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.Secret;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.ClosingHttpServer;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FakeCloudflare;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.Lab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Cloudflare's own evidence is never lost to a flaky connection, and a source that fails is one line in the notes:
 * a triage with a token reads everything through a server that closes every connection after answering, and an
 * unreachable status page and API print nothing on standard error or through java.util.logging.
 */
class EvidenceNeverMissingScenariosTest {
    private static final String HOST = "shop.example.test";
    private static final String ZONE = "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353";
    private static final String TOKEN = "cf-test-token-SECRET-0123456789abcdef";
    /** Room for a connection per API call on a busy machine; the triage ends as soon as every call is answered. */
    private static final Duration BUDGET = Duration.ofSeconds(6);

    @Test
    void aTriageThroughAnHttp10ApiReadsTheZoneItsRecordsAndTheSslModeAndProbesTheOrigin() throws Exception {
        try (Lab lab = new Lab(); ClosingHttpServer api = new ClosingHttpServer()) {
            InetAddress origin = lab.address();
            FaultServer server = lab.keep(FaultServer.start(origin, 8080, Behaviour.OK));
            api.route("/client/v4/zones?name=" + HOST, FakeCloudflare.fixture("zones-none.json"))
                    .route("/client/v4/zones?name=example.test", FakeCloudflare.fixture("zones-example.json"))
                    .route(ZONE + "/dns_records", FakeCloudflare.fixture("dns-records.json").replace("{{CONTENT}}", origin.getHostAddress()))
                    .route(ZONE + "/settings/ssl", FakeCloudflare.fixture("settings-ssl-strict.json"))
                    .route(ZONE + "/settings/ssl_automatic_mode", FakeCloudflare.fixture("settings-ssl-automatic-custom.json"))
                    .route("/api/v2/summary.json", FakeCloudflare.fixture("status-summary-ok.json"));
            TriageReport r = lab.ports(8080).configure(c -> c.toBuilder().timeout(BUDGET)
                    .cloudflareApiUrl(api.url("/client/v4/")).cloudflareApiToken(Secret.of(TOKEN))
                    .cloudflareStatusUrl(api.url("/")).build()).triage(521, HOST);

            List<String> asked = api.requests();
            assertTrue(asked.stream().anyMatch(l -> l.contains("/dns_records")), asked.toString());
            assertTrue(asked.stream().anyMatch(l -> l.contains("/settings/ssl ") || l.contains("/settings/ssl?")), asked.toString());
            assertEquals("strict", r.sslMode().confirmed(), r.notes().toString());
            ProbeResult tcp = r.probes().stream().filter(p -> p.name().equals("origin-tcp")).findFirst().orElseThrow();
            assertEquals(origin.getHostAddress() + ":8080", tcp.target());
            assertEquals(ProbeStatus.OK, tcp.status());
            assertTrue(server.accepted() > 0);
            assertTrue(r.notes().stream().noneMatch(n -> n.contains("failed")), r.notes().toString());
        }
    }

    @Test
    void anUnreachableStatusPageAndApiAreOneNoteEachAndNothingOnStandardError() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        TriageReport r;
        try (Lab lab = new Lab()) {
            String nowhere = "http://" + Engines.NO_RESOLVER + "/";
            r = lab.ports(8080).configure(c -> c.toBuilder().cloudflareApiUrl(nowhere + "client/v4/")
                    .cloudflareApiToken(Secret.of(TOKEN)).cloudflareStatusUrl(nowhere).build())
                    .triage(521, Lab.resource("/pastes/521-page.html"));
        } finally {
            System.setErr(standardError);
            root.removeHandler(capture);
            root.setLevel(level);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("Exception") || printed.contains("\tat "), "standard error stays clean: " + printed);
        assertTrue(logged.stream().noneMatch(l -> l.getThrown() != null || l.getLevel().intValue() >= Level.WARNING.intValue()),
                "nothing logged through java.util.logging: " + logged.stream().map(LogRecord::getMessage).toList());
        assertEquals(1, r.notes().stream().filter(n -> n.startsWith("status-page:")).count(), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("cf-api")), r.notes().toString());
        assertTrue(r.notes().stream().noneMatch(n -> n.contains(TOKEN)), "the token appears nowhere");
    }
}
