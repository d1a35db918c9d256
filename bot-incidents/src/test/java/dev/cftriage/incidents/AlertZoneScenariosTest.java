package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.CfTriage;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.TriageService;
import dev.cftriage.config.Secret;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.http.BotHttpServer;
import dev.cftriage.http.HttpLimits;
import dev.cftriage.incidents.testing.IncidentLab;
import dev.cftriage.report.TextReport;
import dev.cftriage.testing.FakeCloudflare;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TestDnsServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloudflare alerts that name a zone, end to end on loopback: bodies from the fixtures (the documented envelope), the
 * real engine with a fake Cloudflare API and an in-process DNS server, incident mode on the embedded database, the
 * webhook on a real HTTP server handling each alert before it answers (so the test reads what it posted at once).
 */
class AlertZoneScenariosTest {
    private static final String SECRET = "cf-webhook-secret-0123456789";
    private static final String TOKEN = "cf-test-token-SECRET-0123456789abcdef";
    private static final String ZONE_PATH = "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353";
    private static final String PROXIED = ZONE_PATH + "/dns_records?proxied=true&per_page=100";

    @TempDir
    Path dataDir;

    private final String shop = LoopbackAddresses.next().getHostAddress();
    private final String dnsOnly = LoopbackAddresses.next().getHostAddress();
    private TestDnsServer dns;
    private FakeCloudflare cloudflare;
    private final FakeAlertResponder responder = new FakeAlertResponder();
    private IncidentDatabase database;
    private CfTriage engine;
    private TriageService service;
    private BotHttpServer server;

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start().a("shop.example.test", shop).a("dns-only.example.test", dnsOnly)
                .a("www.example.test", shop);
        cloudflare = new FakeCloudflare()
                .route("/client/v4/zones?name=example.test", "zones-example.json")
                .route(PROXIED, "dns-records-proxied.json", shop)
                .route(ZONE_PATH + "/dns_records", "dns-records.json", shop);
        database = IncidentDatabase.open(IncidentLab.settings(dataDir));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
            engine.close();
        }
        database.close();
        cloudflare.close();
        dns.close();
    }

    /** Serves the webhook over an engine with these settings (the lab's, DNS pointed at the test server). */
    private void serve(TriageConfig.Builder settings) throws Exception {
        engine = CfTriage.create(settings.resolvers(List.of(dns.address())).build());
        service = TriageService.create(engine);
        ChatBackend backend = ChatBackend.of(service);
        IncidentMode mode = IncidentMode.create(database, IncidentLab.settings(dataDir), new FakeChannel(),
                engine::runAsync, Clock.systemUTC(), "alert-zone-test");
        AlertWebhook webhook = new AlertWebhook(SECRET, mode.desk(), backend::submit, backend::proxiedHosts, responder,
                Runnable::run, 15_000);
        server = webhook.addTo(BotHttpServer.builder(new InetSocketAddress("127.0.0.1", 0), HttpLimits.defaults())).build();
        server.start();
    }

    private TriageConfig.Builder withToken() {
        return IncidentLab.CONFIG.toBuilder().cloudflareApiUrl(cloudflare.apiUrl()).cloudflareApiToken(Secret.of(TOKEN));
    }

    private void send(String type, String host) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + AlertWebhook.PATH))
                .header(AlertWebhook.AUTH_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(IncidentLab.alert(type, host, "ALERT_STATE_EVENT_START")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    void aZoneOnlyAlertOpensAnIncidentAboutTheZonesProxiedHostAndTriagesItButNotItsDnsOnlyRecord() throws Exception {
        serve(withToken());

        send("http_alert_origin_error", "example.test");

        List<String> roots = responder.lines("root");
        assertEquals(1, roots.size(), roots.toString());
        assertTrue(roots.get(0).endsWith("(shop.example.test, a proxied host of zone example.test)"), roots.get(0));
        assertEquals(List.of("shop.example.test"), responder.lines("report"), "no DNS-only, wildcard or zone-name triage");
        String report = TextReport.render(responder.reports().get(0));
        assertTrue(report.contains(shop + ":8080") && report.contains("refused"), report);
        assertEquals(List.of(), responder.lines("notice"));
    }

    @Test
    void withoutATokenTheAlertTriagesTheZoneNameItselfAndNothingIsAskedOfTheApi() throws Exception {
        serve(IncidentLab.CONFIG.toBuilder().cloudflareApiUrl(cloudflare.apiUrl()));

        send("http_alert_origin_error", "example.test");

        assertEquals(List.of("example.test"), responder.lines("report"));
        assertFalse(responder.lines("root").get(0).contains("a proxied host"), responder.lines("root").get(0));
        assertEquals(List.of(), cloudflare.requests());
    }

    @Test
    void whenTheApiRefusesTheAlertIsPostedWithThePayloadsHostAndOneNote() throws Exception {
        cloudflare.route(PROXIED, 403, FakeCloudflare.fixture("error-403.json"));
        serve(withToken());

        send("http_alert_origin_error", "example.test");

        assertEquals(List.of("example.test"), responder.lines("report"));
        List<String> thread = responder.lines("thread");
        assertTrue(thread.get(0).startsWith("The proxied records of zone example.test could not be read from the "
                + "Cloudflare API (") && thread.get(0).contains("403"), thread.toString());
        assertFalse(thread.get(0).contains("\n") || thread.get(0).contains(TOKEN), thread.get(0));
        assertEquals(List.of("root", "thread", "report"), responder.posted().stream().limit(3).map(FakeAlertResponder.Posted::kind)
                .toList(), "the note comes before the report, in the alert's thread");
    }

    @Test
    void anAlertNamingAHostInsideItsZoneTriagesThatHostAndNotTheZonesRecords() throws Exception {
        serve(withToken());

        send("real_origin_monitoring_zone_and_host", "www.example.test");

        assertEquals(List.of("www.example.test"), responder.lines("report"));
        assertFalse(responder.lines("root").get(0).contains("a proxied host"), responder.lines("root").get(0));
    }
}
