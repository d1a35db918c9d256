package dev.cftriage.testing;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.report.TriageReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;

/**
 * The typical reports that golden files pin: each one a real triage on loopback (fault servers, an in-process DNS
 * server, a fake edge), made anew on every call. A report comes with the loopback addresses it used, so a golden
 * test can replace them with stable placeholders ({@link Typical#placeholders()}).
 */
public final class TypicalReports {
    /** Generous, so that a loaded machine still completes every probe that can complete: goldens must not flake. */
    private static final Duration BUDGET = Duration.ofMillis(5000);
    /** For the black-holed origin, whose probes always wait out the budget. */
    private static final Duration SHORT_BUDGET = Duration.ofMillis(1500);

    private TypicalReports() {
    }

    /** One typical report and the run-specific strings (loopback addresses) mapped to their placeholders. */
    public record Typical(String name, TriageReport report, Map<String, String> placeholders) {
    }

    /** The scenarios, by name, in the order goldens list them. */
    public static final List<String> NAMES = List.of("refused", "black-holed", "self-signed",
            "hidden-origin-changed-code", "nxdomain-1016", "healthy-origin-firewall", "api-strict-self-signed",
            "api-tunnel-status-ray");

    /** Runs the named scenario; {@code dir} is a scratch folder for files the engine reads. */
    public static Typical make(String name, Path dir) {
        try {
            return switch (name) {
                case "refused" -> refused();
                case "black-holed" -> blackHoled();
                case "self-signed" -> selfSigned();
                case "hidden-origin-changed-code" -> hiddenOriginWithChangedCode(dir);
                case "nxdomain-1016" -> nxdomain1016();
                case "healthy-origin-firewall" -> healthyOriginFirewall();
                case "api-strict-self-signed" -> apiStrictSelfSigned();
                case "api-tunnel-status-ray" -> apiTunnelStatusRay();
                default -> throw new IllegalArgumentException("no typical report named " + name);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 521 against an origin where nothing listens on 8080 or 8443. */
    static Typical refused() {
        InetAddress origin = LoopbackAddresses.next();
        return new Typical("refused", run(Engines.loopbackLab(BUDGET), TriageRequest.of(521, origin.getHostAddress())),
                Map.of(origin.getHostAddress(), "<origin>"));
    }

    /** 522 against an origin that drops connection attempts on 8080. */
    static Typical blackHoled() throws IOException {
        InetAddress origin = LoopbackAddresses.next();
        try (BlackHoleServer hole = BlackHoleServer.start(origin, 8080)) {
            TriageReport r = run(Engines.loopbackLab(SHORT_BUDGET).toBuilder().ports(List.of(8080)).build(),
                    TriageRequest.of(522, origin.getHostAddress()));
            return new Typical("black-holed", r, Map.of(origin.getHostAddress(), "<origin>"));
        }
    }

    /** 526 for a name whose origin presents a self-signed certificate on 8443. */
    static Typical selfSigned() throws IOException {
        String host = "secure.example.test";
        InetAddress origin = LoopbackAddresses.next();
        HeldCertificate self = new HeldCertificate.Builder().commonName(host).addSubjectAlternativeName(host).build();
        try (TestDnsServer dns = TestDnsServer.start();
             MockWebServer server = TlsFixtures.https(origin, 8443, self)) {
            dns.a(host, origin.getHostAddress());
            server.setDispatcher(answering(r -> new MockResponse.Builder().code(200).body("ok").build()));
            TriageConfig config = Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8443))
                    .resolvers(List.of(dns.address())).build();
            return new Typical("self-signed", run(config, TriageRequest.of(526, host)),
                    Map.of(origin.getHostAddress(), "<origin>", dns.address(), "<resolver>"));
        }
    }

    /** The user says 521; the host is proxied, its origin hidden, and the edge answers 523 now. */
    static Typical hiddenOriginWithChangedCode(Path dir) throws IOException {
        String host = "shop.example.test";
        InetAddress edge = LoopbackAddresses.next();
        Path ranges = Files.writeString(dir.resolve("ranges.txt"), edge.getHostAddress() + "/32\n");
        String page = resource("/edge/523-page.html");
        try (TestDnsServer dns = TestDnsServer.start();
             MockWebServer server = TlsFixtures.https(edge, 8443, TlsFixtures.leaf(host, TlsFixtures.root()))) {
            dns.a(host, edge.getHostAddress());
            server.setDispatcher(answering(request -> request.getUrl().encodedPath().equals("/cdn-cgi/trace")
                    ? new MockResponse.Builder().code(200).body("fl=1\nh=" + host + "\ncolo=FRA\nhttp=http/1.1\n").build()
                    : new MockResponse.Builder().code(523).addHeader("server", "cloudflare")
                            .addHeader("cf-ray", "8b2e5f3a1c9d4e7f-FRA").addHeader("content-type", "text/html")
                            .body(page).build()));
            TriageConfig config = Engines.loopbackLab(BUDGET).toBuilder().cloudflareRanges(ranges)
                    .resolvers(List.of(dns.address())).build();
            return new Typical("hidden-origin-changed-code",
                    run(config, TriageRequest.of(521, "https://" + host + ":8443/cart")),
                    Map.of(edge.getHostAddress(), "<edge>", dns.address(), "<resolver>"));
        }
    }

    /** A 530 with error 1016 for a name that does not exist. */
    static Typical nxdomain1016() {
        try (TestDnsServer dns = TestDnsServer.start()) {
            TriageConfig config = Engines.loopbackLab(BUDGET).toBuilder().resolvers(List.of(dns.address())).build();
            return new Typical("nxdomain-1016", run(config, TriageRequest.of(530, "Error 1016 gone.example.test")),
                    Map.of(dns.address(), "<resolver>"));
        }
    }

    /** 521 while the origin answers on 8080 from here: Cloudflare's addresses are the ones refused. */
    static Typical healthyOriginFirewall() throws IOException {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer ok = FaultServer.start(origin, 8080, FaultServer.Behaviour.OK)) {
            TriageReport r = run(Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8080)).build(),
                    TriageRequest.of(521, origin.getHostAddress()));
            return new Typical("healthy-origin-firewall", r, Map.of(origin.getHostAddress(), "<origin>"));
        }
    }

    private static final String API_HOST = "shop.example.test";
    private static final String ZONE = "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353";
    private static final String ACCOUNT = "/client/v4/accounts/01a7362d577a6c3019a474fd6f485823";

    private static FakeCloudflare cloudflare() throws IOException {
        return new FakeCloudflare().route("/client/v4/zones?name=" + API_HOST, "zones-none.json")
                .route("/client/v4/zones?name=example.test", "zones-example.json");
    }

    private static TriageConfig withApi(TriageConfig lab, TestDnsServer dns, FakeCloudflare cloudflare) {
        return lab.toBuilder().resolvers(List.of(dns.address())).cloudflareApiUrl(cloudflare.apiUrl())
                .cloudflareApiToken(dev.cftriage.config.Secret.of("cf-test-token-SECRET-0123456789abcdef")).build();
    }

    /** The fake's origin, {@code http://127.0.0.1:PORT}, which prefixes both its API and status page URLs. */
    private static String fake(FakeCloudflare cloudflare) {
        String status = cloudflare.statusUrl();
        return status.substring(0, status.length() - 1);
    }

    /** 526 with an API token: the zone is in Full (strict) and the origin behind its record is self-signed. */
    static Typical apiStrictSelfSigned() throws IOException {
        InetAddress origin = LoopbackAddresses.next();
        HeldCertificate self = new HeldCertificate.Builder().commonName(API_HOST).addSubjectAlternativeName(API_HOST).build();
        try (TestDnsServer dns = TestDnsServer.start();
             FakeCloudflare cloudflare = cloudflare();
             FaultServer http = FaultServer.start(origin, 8080, FaultServer.Behaviour.OK);
             MockWebServer https = TlsFixtures.https(origin, 8443, self)) {
            cloudflare.route(ZONE + "/dns_records", "dns-records.json", origin.getHostAddress())
                    .route(ZONE + "/settings/ssl", "settings-ssl-strict.json")
                    .route(ZONE + "/settings/ssl_automatic_mode", "settings-ssl-automatic-custom.json");
            https.setDispatcher(answering(r -> new MockResponse.Builder().code(200).body("ok").build()));
            TriageReport r = run(withApi(Engines.loopbackLab(BUDGET), dns, cloudflare), TriageRequest.of(526, API_HOST));
            return new Typical("api-strict-self-signed", r, Map.of(origin.getHostAddress(), "<origin>",
                    dns.address(), "<resolver>", fake(cloudflare), "<fake-cloudflare>"));
        }
    }

    /** 530 with an API token: the host's tunnel has no connections, the status page and the Ray ID are asked too. */
    static Typical apiTunnelStatusRay() throws IOException {
        try (TestDnsServer dns = TestDnsServer.start(); FakeCloudflare cloudflare = cloudflare()) {
            cloudflare.route(ZONE + "/dns_records", "dns-records-tunnel.json")
                    .route(ACCOUNT + "/cfd_tunnel", "tunnels.json")
                    .route(ACCOUNT + "/cfd_tunnel/c1744f8b-faa1-48a4-9e5c-02ac921467fa/connections",
                            "tunnel-connections-none.json")
                    .route("/client/v4/graphql", "graphql-ray-502.json")
                    .route("/api/v2/summary.json", "status-summary-fra-incident.json");
            TriageConfig config = withApi(Engines.loopbackLab(BUDGET), dns, cloudflare)
                    .toBuilder().cloudflareStatusUrl(cloudflare.statusUrl()).build();
            TriageReport r = run(config, TriageRequest.of(530, API_HOST + " ray 8b2e5f3a1c9d4e7f-FRA"));
            return new Typical("api-tunnel-status-ray", r,
                    Map.of(dns.address(), "<resolver>", fake(cloudflare), "<fake-cloudflare>"));
        }
    }

    private static TriageReport run(TriageConfig config, TriageRequest request) {
        try (CfTriage engine = CfTriage.create(config)) {
            return engine.run(request);
        }
    }

    private static Dispatcher answering(Function<RecordedRequest, MockResponse> answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        };
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TypicalReports.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
