package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.report.Cause;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.BlackHoleServer;
import dev.cftriage.testing.ClientCertificateServer;
import dev.cftriage.testing.FakeEdge;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.Lab;
import dev.cftriage.testing.Scenario;
import dev.cftriage.testing.TlsFixtures;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;

/**
 * The fault scenarios of issue 12, by class, each with several variants, all on loopback: the suite the scenario
 * tests run and the accuracy table counts.
 */
final class FaultClassScenarios {
    private static final String HOST = "shop.example.test";
    private static final String EDGE_URL = "https://" + HOST + ":" + FakeEdge.PORT + "/";

    private FaultClassScenarios() {
    }

    /** Every scenario: the faults cf-triage already told apart, then issue 12's classes, class by class. */
    static List<Scenario> all() {
        return Stream.of(baseline(), addressFamilies(), edgeCodes(), sslModeFromPorts(), originProxies(),
                clientCertificates(), dnssec(), headerSizes(), liveCode()).flatMap(List::stream).toList();
    }

    /** The single faults the engine named before issue 12: one origin behaviour or DNS answer each. */
    static List<Scenario> baseline() {
        return List.of(
                origin("nothing listening is a refused origin", 521, null, "origin-refused"),
                origin("an origin that accepts and never answers is slow", 524, Behaviour.SILENT, "origin-slow"),
                origin("an origin closing without a reply is an empty response", 520, Behaviour.EMPTY_REPLY, "origin-empty-response"),
                origin("an origin resetting the connection is a reset", 520, Behaviour.RESET, "origin-reset"),
                origin("an origin answering garbage is an invalid response", 520, Behaviour.GARBAGE, "origin-invalid-response"),
                new Scenario("baseline", "an origin dropping SYNs times out", "origin-timeout", lab -> {
                    InetAddress origin = lab.address();
                    lab.keep(BlackHoleServer.start(origin, 8080));
                    return lab.ports(8080).triage(522, origin.getHostAddress());
                }, r -> { }),
                new Scenario("baseline", "plain HTTP on the HTTPS port is a failed handshake", "tls-handshake-failed", lab -> {
                    InetAddress origin = lab.address();
                    lab.keep(FaultServer.start(origin, 8443, Behaviour.OK));
                    return lab.ports(8443).triage(525, origin.getHostAddress());
                }, r -> { }),
                new Scenario("baseline", "a self-signed origin certificate is named for a 526", "tls-cert-self-signed", lab -> {
                    InetAddress origin = lab.address();
                    https(lab, origin, new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST).build());
                    lab.dns().a(HOST, origin.getHostAddress());
                    return lab.ports(8443).triage(526, HOST);
                }, r -> { }),
                new Scenario("baseline", "a name that does not exist is NXDOMAIN", "dns-nxdomain",
                        lab -> lab.triage(530, "gone.example.test"), r -> { }));
    }

    /** 1. IPv6 broken while IPv4 works, and the reverse. */
    static List<Scenario> addressFamilies() {
        String c = "address families";
        return List.of(
                new Scenario(c, "an AAAA address that refuses while the A address accepts is broken IPv6 (521)",
                        "origin-ipv6-broken", lab -> {
                            InetAddress v4 = lab.address();
                            lab.keep(FaultServer.start(v4, 8880, Behaviour.OK));
                            lab.dns().a(HOST, v4.getHostAddress()).aaaa(HOST, "::1");
                            return lab.ports(8880).triage(521, HOST);
                        }, r -> {
                            evidence(r, "origin-ipv6-broken", "IPv4 works, IPv6 does not");
                            evidence(r, "origin-ipv6-broken", "[::1]:8880 refused");
                        }),
                new Scenario(c, "an AAAA address that drops SYNs while the A address accepts is broken IPv6 (522)",
                        "origin-ipv6-broken", lab -> {
                            InetAddress v4 = lab.address();
                            lab.keep(FaultServer.start(v4, 2052, Behaviour.OK));
                            lab.keep(BlackHoleServer.start(Lab.ipv6Loopback(), 2052));
                            lab.dns().a(HOST, v4.getHostAddress()).aaaa(HOST, "::1");
                            return lab.ports(2052).triage(522, HOST);
                        }, r -> evidence(r, "origin-ipv6-broken", "did not answer the SYN")),
                new Scenario(c, "an A address that refuses while the AAAA address accepts is broken IPv4 (521)",
                        "origin-ipv4-broken", lab -> {
                            InetAddress v4 = lab.address();
                            lab.keep(FaultServer.start(Lab.ipv6Loopback(), 2082, Behaviour.OK));
                            lab.dns().a(HOST, v4.getHostAddress()).aaaa(HOST, "::1");
                            return lab.ports(2082).triage(521, HOST);
                        }, r -> evidence(r, "origin-ipv4-broken", "IPv6 works, IPv4 does not")),
                new Scenario(c, "both families accepting while Cloudflare says 521 points at the firewall, not a family",
                        "firewall-blocks-cloudflare", lab -> {
                            InetAddress v4 = lab.address();
                            lab.keep(FaultServer.start(v4, 2086, Behaviour.OK));
                            lab.keep(FaultServer.start(Lab.ipv6Loopback(), 2086, Behaviour.OK));
                            lab.dns().a(HOST, v4.getHostAddress()).aaaa(HOST, "::1");
                            return lab.ports(2086).triage(521, HOST);
                        }, r -> absent(r, "origin-ipv6-broken", "origin-ipv4-broken")));
    }

    /** 2. The live edge's own 1xxx code, and an origin record inside Cloudflare's ranges. */
    static List<Scenario> edgeCodes() {
        String c = "the edge's 1xxx code";
        return List.of(
                new Scenario(c, "the edge's structured error 1000 confirms a record pointing at Cloudflare",
                        "dns-points-to-cloudflare", lab -> {
                            edge(lab, 403, Lab.resource("/edge/403-plain.html"), Lab.resource("/edge/1000-structured.json"));
                            return lab.triage(null, EDGE_URL);
                        }, r -> {
                            codeFrom(r, 1000, "edge");
                            evidence(r, "dns-points-to-cloudflare", "the live edge answers error 1000");
                        }),
                new Scenario(c, "the edge's 1000 error page confirms a record pointing at Cloudflare",
                        "dns-points-to-cloudflare", lab -> {
                            edge(lab, 403, Lab.resource("/edge/1000-page.html"), null);
                            return lab.triage(null, EDGE_URL);
                        }, r -> codeFrom(r, 1000, "edge")),
                new Scenario(c, "a 530 whose page carries 1016 confirms an origin name that does not resolve",
                        "origin-cname-unresolvable", lab -> {
                            edge(lab, 530, Lab.resource("/pastes/1016-page.html"), null);
                            return lab.triage(null, EDGE_URL);
                        }, r -> {
                            assertEquals(1016, r.code().errorCode(), r.code().toString());
                            assertEquals("edge", r.code().source());
                        }),
                new Scenario(c, "a pasted 1000 page with an origin name inside Cloudflare's ranges names the record",
                        "dns-points-to-cloudflare", lab -> {
                            InetAddress inside = lab.address();
                            lab.cloudflare(inside).dns().a("origin." + HOST, inside.getHostAddress());
                            return lab.triage(new TriageRequest(Lab.resource("/edge/1000-page.html"), null,
                                    List.of("origin." + HOST)));
                        }, r -> {
                            codeFrom(r, 1000, "input");
                            evidence(r, "dns-points-to-cloudflare", "inside Cloudflare's ranges");
                        }));
    }

    /** 3. The SSL/TLS mode read from which of the plain and HTTPS ports work. */
    static List<Scenario> sslModeFromPorts() {
        String c = "SSL/TLS mode from the ports";
        return List.of(
                new Scenario(c, "port 8080 refused while 8443 serves a valid certificate asks for Full (strict)",
                        "ssl-mode-mismatch", lab -> {
                            validHttps(lab);
                            return lab.ports(8080, 8443).triage(521, HOST);
                        }, r -> {
                            evidence(r, "ssl-mode-mismatch", "pick Full (strict)");
                            listed(r, "origin-refused");
                        }),
                new Scenario(c, "port 8080 refused while 8443 serves a self-signed certificate asks for Full",
                        "ssl-mode-mismatch", lab -> {
                            InetAddress origin = lab.address();
                            HeldCertificate self = new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST).build();
                            https(lab, origin, self);
                            lab.dns().a(HOST, origin.getHostAddress());
                            return lab.ports(8080, 8443).triage(521, HOST);
                        }, r -> evidence(r, "ssl-mode-mismatch", "pick Full (or Full (strict) once")),
                new Scenario(c, "port 8080 black-holed while 8443 completes TLS is a mode sending Cloudflare to port 80 (522)",
                        "ssl-mode-mismatch", lab -> {
                            InetAddress origin = validHttps(lab);
                            lab.keep(BlackHoleServer.start(origin, 8080));
                            return lab.ports(8080, 8443).triage(522, HOST);
                        }, r -> listed(r, "origin-timeout")),
                new Scenario(c, "port 8443 refused while 8080 answers is no HTTPS, with Flexible named as the mode",
                        "origin-no-https", lab -> {
                            InetAddress origin = lab.address();
                            lab.keep(FaultServer.start(origin, 8080, Behaviour.OK));
                            lab.dns().a(HOST, origin.getHostAddress());
                            return lab.ports(8080, 8443).triage(521, HOST);
                        }, r -> evidence(r, "ssl-mode-mismatch", "pick Flexible")));
    }

    /** 4. The origin's own proxy answering for an application that is down, told apart from the application's 5xx. */
    static List<Scenario> originProxies() {
        String c = "the origin's own proxy";
        return List.of(
                proxy("Envoy's upstream connect error", 503, "envoy-upstream-connect-error.http", "origin-upstream-down", "Envoy"),
                proxy("Envoy's no healthy upstream", 503, "envoy-no-healthy-upstream.http", "origin-upstream-down", "Envoy"),
                proxy("HAProxy's no server is available", 503, "haproxy-503.http", "origin-upstream-down", "HAProxy"),
                proxy("Traefik's no available server", 503, "traefik-no-available-server.http", "origin-upstream-down", "Traefik"),
                proxy("Caddy's empty 502", 502, "caddy-502.http", "origin-upstream-down", "Caddy"),
                proxy("an AWS load balancer's 504", 504, "aws-elb-504.http", "origin-upstream-down", "AWS load balancer"),
                new Scenario(c, "nginx's 502 page is the application behind nginx being down", "origin-upstream-down", lab -> {
                    InetAddress origin = lab.address();
                    lab.keep(FaultServer.start(origin, 8080, Behaviour.BAD_GATEWAY));
                    return lab.ports(8080).triage(502, origin.getHostAddress());
                }, r -> evidence(r, "origin-upstream-down", "nginx")),
                proxy("an Express application's own 500", 500, "app-500.http", "origin-http-error", "500"),
                proxy("an application's own maintenance 503", 503, "app-503-maintenance.http", "origin-http-error", "gunicorn"));
    }

    /** 5. Authenticated Origin Pulls: an origin demanding a client certificate. */
    static List<Scenario> clientCertificates() {
        String c = "client certificates";
        return List.of(
                clientCertificate(c, "TLSv1.3", List.of(8443)),
                clientCertificate(c, "TLSv1.2", List.of(8443)),
                clientCertificate(c, "TLSv1.3", List.of(8080, 8443)));
    }

    /** 6. DNSSEC: a SERVFAIL that resolves with the CD bit, told apart from a dead name server. */
    static List<Scenario> dnssec() {
        String c = "DNSSEC";
        return List.of(
                new Scenario(c, "an origin name failing only DNSSEC validation is broken DNSSEC (1016)", "dns-dnssec-broken",
                        lab -> {
                            lab.dns().a("origin.example.test", "127.77.0.1").dnssecBroken("origin.example.test");
                            return lab.triage(1016, "origin.example.test");
                        }, r -> evidence(r, "dns-dnssec-broken", "answers when asked with checking disabled")),
                new Scenario(c, "a host failing only DNSSEC validation is broken DNSSEC (523)", "dns-dnssec-broken",
                        lab -> {
                            lab.dns().a(HOST, "127.77.0.1").dnssecBroken(HOST);
                            return lab.triage(523, HOST);
                        }, r -> listed(r, "dns-lookup-failed")),
                new Scenario(c, "a CNAME target failing only DNSSEC validation is broken DNSSEC", "dns-dnssec-broken",
                        lab -> {
                            lab.dns().cname("www.example.test", "app.hosting.test").a("app.hosting.test", "127.77.0.1")
                                    .dnssecBroken("app.hosting.test");
                            return lab.triage(1016, "www.example.test");
                        }, r -> { }),
                new Scenario(c, "a name failing with checking disabled too is a failing name server, not DNSSEC",
                        "dns-lookup-failed", lab -> {
                            lab.dns().servfail("origin.example.test");
                            return lab.triage(1016, "origin.example.test");
                        }, r -> {
                            absent(r, "dns-dnssec-broken");
                            evidence(r, "dns-lookup-failed", "also when asked with checking disabled");
                        }));
    }

    /** 7. Response headers near and over Cloudflare's limits. */
    static List<Scenario> headerSizes() {
        String c = "header sizes";
        return List.of(
                headers(c, "26 KB of headers in total are near the 32 KB limit: a 520 candidate", 26, 1000,
                        "of Cloudflare's 32 KB"),
                headers(c, "one 13 KB cookie is near the 16 KB per-header limit: a 520 candidate", 1, 13_000,
                        "of its 16 KB per header"),
                new Scenario(c, "40 KB of headers are over the limit", "origin-oversized-headers", lab -> {
                    InetAddress origin = lab.address();
                    lab.keep(FaultServer.start(origin, 8080, Behaviour.OVERSIZED_HEADERS));
                    return lab.ports(8080).triage(520, origin.getHostAddress());
                }, r -> evidence(r, "origin-oversized-headers", "over Cloudflare's limit")));
    }

    /** 8. The user's code and the live edge's differ: the diagnosis follows the live one. */
    static List<Scenario> liveCode() {
        String c = "the code changed";
        return List.of(
                new Scenario(c, "a 521 reported while the edge answers 523 is diagnosed as the live 523", "routing-issue",
                        lab -> {
                            InetAddress origin = lab.address();
                            lab.keep(FaultServer.start(origin, 8080, Behaviour.OK));
                            https(lab, origin, TlsFixtures.leaf(HOST, TlsFixtures.root()));
                            edge(lab, 523, Lab.resource("/edge/523-page.html"), Lab.resource("/edge/523-structured.json"));
                            return lab.ports(8080).triage(new TriageRequest(EDGE_URL, 521, List.of(origin.getHostAddress())));
                        }, r -> {
                            codeFrom(r, 523, "edge");
                            assertTrue(r.notes().stream().anyMatch(n -> n.contains("not 521") && n.contains("follows the live 523")),
                                    r.notes().toString());
                        }),
                new Scenario(c, "a 522 reported while the edge answers 521 is diagnosed as the live 521", "origin-refused",
                        lab -> {
                            InetAddress origin = lab.address();
                            edge(lab, 521, Lab.resource("/pastes/521-page.html"), null);
                            return lab.ports(8080).triage(new TriageRequest(EDGE_URL, 522, List.of(origin.getHostAddress())));
                        }, r -> codeFrom(r, 521, "edge")),
                new Scenario(c, "a 521 reported while the edge answers 200 keeps the 521 and says it may be over",
                        "origin-refused", lab -> {
                            InetAddress origin = lab.address();
                            edge(lab, 200, "<html><body>shop</body></html>", null);
                            return lab.ports(8080).triage(new TriageRequest(EDGE_URL, 521, List.of(origin.getHostAddress())));
                        }, r -> {
                            codeFrom(r, 521, "command");
                            assertTrue(r.notes().stream().anyMatch(n -> n.contains("may be over")), r.notes().toString());
                        }));
    }

    private static Scenario origin(String sentence, int code, Behaviour behaviour, String expected) {
        return new Scenario("baseline", sentence, expected, lab -> {
            InetAddress origin = lab.address();
            if (behaviour != null) {
                lab.keep(FaultServer.start(origin, 8080, behaviour));
            }
            return lab.ports(8080).triage(code, origin.getHostAddress());
        }, r -> { });
    }

    private static Scenario proxy(String what, int status, String answer, String expected, String named) {
        String sentence = expected.equals("origin-upstream-down")
                ? what + " is the application behind the proxy being down (" + status + ")"
                : what + " is the origin's own error, not a proxy's (" + status + ")";
        return new Scenario("the origin's own proxy", sentence, expected, lab -> {
            InetAddress origin = lab.address();
            lab.keep(FaultServer.answering(origin, 8080, Lab.originAnswer(answer)));
            return lab.ports(8080).triage(status, origin.getHostAddress());
        }, r -> evidence(r, expected, named));
    }

    private static Scenario clientCertificate(String c, String protocol, List<Integer> ports) {
        String sentence = "an origin demanding a client certificate over " + protocol + " is Authenticated Origin Pulls"
                + (ports.size() > 1 ? ", with plain HTTP also open" : "");
        return new Scenario(c, sentence, "origin-client-cert-required", lab -> {
            InetAddress origin = lab.address();
            lab.keep(ClientCertificateServer.start(origin, 8443, HOST, protocol, true));
            if (ports.contains(8080)) {
                lab.keep(FaultServer.start(origin, 8080, Behaviour.OK));
            }
            lab.dns().a(HOST, origin.getHostAddress());
            return lab.ports(ports.toArray(Integer[]::new)).triage(525, HOST);
        }, r -> evidence(r, "origin-client-cert-required", "asked for a client certificate"));
    }

    private static Scenario headers(String c, String sentence, int count, int size, String measured) {
        return new Scenario(c, sentence, "origin-oversized-headers", lab -> {
            InetAddress origin = lab.address();
            lab.keep(FaultServer.answering(origin, 8080, answerWithHeaders(count, size)));
            return lab.ports(8080).triage(520, origin.getHostAddress());
        }, r -> {
            evidence(r, "origin-oversized-headers", measured);
            evidence(r, "origin-oversized-headers", "near them");
        });
    }

    /** A 200 answer with {@code count} headers of about {@code size} bytes each. */
    static String answerWithHeaders(int count, int size) {
        StringBuilder answer = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < count; i++) {
            answer.append("X-Padding-").append(i).append(": ").append("p".repeat(size - 16)).append("\r\n");
        }
        return answer.append("Content-Length: 2\r\nConnection: close\r\n\r\nok").toString();
    }

    /** Starts a fake edge for {@link #HOST}, its address counted as Cloudflare's and the host resolving to it. */
    private static void edge(Lab lab, int status, String page, String json) throws Exception {
        InetAddress edge = lab.address();
        lab.cloudflare(edge).dns().a(HOST, edge.getHostAddress());
        lab.keep(FakeEdge.start(edge, HOST, status, page, json));
    }

    /** Starts an HTTPS origin for {@link #HOST} on 8443 with a certificate the lab trusts; returns its address. */
    private static InetAddress validHttps(Lab lab) throws Exception {
        InetAddress origin = lab.address();
        HeldCertificate root = TlsFixtures.root();
        https(lab, origin, TlsFixtures.leaf(HOST, root));
        lab.trust(root).dns().a(HOST, origin.getHostAddress());
        return origin;
    }

    private static void https(Lab lab, InetAddress origin, HeldCertificate leaf) throws Exception {
        MockWebServer server = lab.keep(TlsFixtures.https(origin, 8443, leaf));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).body("ok").build();
            }
        });
    }

    private static Cause cause(TriageReport r, String id) {
        return r.causes().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no cause " + id + " in " + r.causes()));
    }

    private static void evidence(TriageReport r, String id, String text) {
        Cause cause = cause(r, id);
        assertTrue(cause.verified(), id + " is verified by evidence: " + cause);
        assertTrue(cause.evidence().stream().anyMatch(e -> e.contains(text)), id + " evidence names '" + text + "': " + cause.evidence());
    }

    private static void listed(TriageReport r, String id) {
        assertTrue(cause(r, id).verified(), id + " stays listed beside the top cause: " + r.causes());
    }

    private static void absent(TriageReport r, String... ids) {
        List<String> forbidden = List.of(ids);
        assertTrue(r.causes().stream().noneMatch(c -> forbidden.contains(c.id())), "none of " + forbidden + " in " + r.causes());
    }

    private static void codeFrom(TriageReport r, int code, String source) {
        assertEquals(code, r.code().code(), r.code().toString());
        assertEquals(source, r.code().source(), r.code().toString());
    }
}
