package dev.cftriage.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.parse.ParsedPaste;
import dev.cftriage.internal.evidence.ApiDnsFacts;
import dev.cftriage.internal.evidence.CertificateInfo;
import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.EdgeFacts;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.Phases;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.RayFacts;
import dev.cftriage.internal.evidence.SslModeFacts;
import dev.cftriage.internal.evidence.StatusPageFacts;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TraceFacts;
import dev.cftriage.internal.evidence.TunnelFacts;
import dev.cftriage.internal.evidence.ZoneFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The JSON document of a report ({@code --json}): the contract external tools read, written as its own types so
 * that the engine's records may change without changing it. Field names and order are the contract: fields are
 * only ever added. Enums are written as their stable ids; maps in key order. Built by {@link #of}; immutable.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record JsonReport(
        Input input,
        Code code,
        @JsonInclude(JsonInclude.Include.NON_NULL) EdgeNow edge,
        List<Probe> probes,
        List<JsonCause> causes,
        Advice steps,
        boolean verified,
        List<String> notes,
        Instant startedAt,
        Instant evidenceAt,
        long elapsedMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) SslMode sslMode,
        Summary summary) {

    /** The document of {@code report}. */
    static JsonReport of(TriageReport report) {
        return new JsonReport(Input.of(report.input()), Code.of(report.code()), EdgeNow.of(report.edge()),
                map(report.probes(), Probe::of), map(report.causes(), JsonCause::of), Advice.of(report.steps()),
                report.verified(), report.notes(), report.startedAt(), report.evidenceAt(), report.elapsedMs(),
                SslMode.of(report.sslMode()), Summary.of(ReportView.of(report)));
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> f) {
        return items == null ? null : items.stream().map(f).toList();
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return m == null ? null : new TreeMap<>(m);
    }

    /** {@code input}: what the input said. */
    record Input(Integer code, Integer errorCode, String rayId, String colo, String coloCity, String host, String url,
                 Instant time, String visitorIp, String generator, String format, List<String> origins,
                 boolean suspicious, List<String> warnings) {
        static Input of(InputSummary i) {
            return new Input(i.code(), i.errorCode(), i.rayId(), i.colo(), i.coloCity(), i.host(), i.url(), i.time(),
                    i.visitorIp(), i.generator() == null ? null : i.generator().id(),
                    i.format() == null ? null : i.format().id(), i.origins(), i.suspicious(), i.warnings());
        }
    }

    /**
     * {@code summary}: the first screen in words — the verdict, how sure it is ({@code confirmed}, {@code likely},
     * {@code possible}), the next step (null when none) and what was not checked.
     */
    record Summary(String verdict, String certainty, String nextStep, List<String> notChecked) {
        static Summary of(ReportView v) {
            return new Summary(v.verdict(), v.certainty().id(), v.nextStep(), v.notChecked());
        }
    }

    /** {@code code}: the code diagnosed, with the catalog's explanation. */
    record Code(Integer code, Integer errorCode, String title, String meaning, String side, String source,
                boolean known) {
        static Code of(CodeSummary c) {
            return c == null ? null
                    : new Code(c.code(), c.errorCode(), c.title(), c.meaning(), c.side(), c.source(), c.known());
        }
    }

    /** {@code edge}: what the live edge said. */
    record EdgeNow(Integer status, String rayId, String colo, String server, String cfErrorType, boolean challenged,
                   Integer errorCode, String errorName, String errorCategory, Boolean retryable) {
        static EdgeNow of(EdgeSummary e) {
            return e == null ? null : new EdgeNow(e.status(), e.rayId(), e.colo(), e.server(), e.cfErrorType(),
                    e.challenged(), e.errorCode(), e.errorName(), e.errorCategory(), e.retryable());
        }
    }

    /** {@code steps}: the catalog's general advice for the code. */
    record Advice(List<String> owner, List<String> visitor, List<String> support) {
        static Advice of(Steps s) {
            return s == null ? null : new Advice(s.owner(), s.visitor(), s.support());
        }
    }

    /** One entry of {@code probes[]}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Probe(String name, String target, String status, long durationMs, String reason, Object facts,
                 String source) {
        static Probe of(ProbeResult p) {
            return new Probe(p.name(), p.target(), p.status().id(), p.durationMs(), p.reason(), JsonReport.facts(p.facts()),
                    p.source().id());
        }
    }

    /** One entry of {@code causes[]}. */
    record JsonCause(String id, String title, double confidence, boolean verified, List<String> evidence,
                     List<String> fix, List<String> sources) {
        static JsonCause of(Cause c) {
            return new JsonCause(c.id(), c.title(), c.confidence(), c.verified(), c.evidence(), c.fix(),
                    c.sources().stream().map(s -> s.id()).toList());
        }
    }

    /** {@code sslMode}: which SSL/TLS mode works with the origin. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SslMode(String inferred, String confirmed, Boolean automatic, List<String> matching, List<Mode> modes) {
        static SslMode of(SslModeSummary s) {
            return s == null ? null : new SslMode(s.inferred(), s.confirmed(), s.automatic(), s.matching(),
                    map(s.modes(), m -> new Mode(m.mode(), m.works(), m.why(), m.predicts())));
        }
    }

    /** One entry of {@code sslMode.modes[]}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mode(String mode, Boolean works, String why, Integer predicts) {
    }

    /** The {@code facts} object of a probe, by the kind of facts; null when the probe did not run. */
    static Object facts(ProbeFacts f) {
        if (f == null) {
            return null;
        } else if (f instanceof DnsFacts d) {
            return Dns.of(d);
        } else if (f instanceof TcpFacts t) {
            return new Tcp(t.address(), t.port(), t.outcome().id(), t.connectMs(), t.detail());
        } else if (f instanceof TlsFacts t) {
            return Tls.of(t);
        } else if (f instanceof HttpFacts h) {
            return Http.of(h);
        } else if (f instanceof EdgeFacts e) {
            return Edge.of(e);
        } else if (f instanceof TraceFacts t) {
            return new Trace(Http.of(t.http()), sorted(t.fields()));
        } else if (f instanceof StatusPageFacts s) {
            return StatusPage.of(s);
        } else if (f instanceof ZoneFacts z) {
            return new Zone(z.host(), z.zoneId(), z.zoneName(), z.status(), z.paused(), z.accountId());
        } else if (f instanceof ApiDnsFacts a) {
            return ApiDns.of(a);
        } else if (f instanceof SslModeFacts s) {
            return new SslModeSetting(s.zoneName(), s.mode(), s.automatic());
        } else if (f instanceof RayFacts r) {
            return new Ray(r.rayId(), r.found(), r.time(), r.colo(), r.host(), r.path(), r.edgeStatus(),
                    r.originStatus(), r.originIp(), r.edgeTtfbMs(), r.originDurationMs());
        } else if (f instanceof TunnelFacts t) {
            return new Tunnel(t.host(), t.tunnelId(), t.exists(), t.name(), t.status(), t.connections(), t.colos());
        }
        throw new IllegalArgumentException("facts with no JSON form: " + f.getClass().getSimpleName());
    }

    /** An address as DNS or the API gave it, with its policy classification. */
    record Address(String address, int family, String category, boolean allowed, String reason) {
        static Address of(ClassifiedAddress a) {
            return a == null ? null
                    : new Address(a.address(), a.family(), a.category().id(), a.allowed(), a.reason());
        }
    }

    /** Facts of the {@code dns} probe. */
    record Dns(String host, List<String> resolvers, String outcome, List<String> cnameChain, List<Address> addresses,
               List<String> nameservers, String detail, Boolean answersWithCheckingDisabled) {
        static Dns of(DnsFacts d) {
            return new Dns(d.host(), d.resolvers(), d.outcome().id(), d.cnameChain(),
                    map(d.addresses(), Address::of), d.nameservers(), d.detail(), d.answersWithCheckingDisabled());
        }
    }

    /** Facts of an {@code origin-tcp} probe. */
    record Tcp(String address, int port, String outcome, long connectMs, String detail) {
    }

    /** Facts of an {@code origin-tls} probe. */
    record Tls(String address, int port, String sni, String outcome, String protocol, String cipher, String alpn,
               List<Certificate> chain, Boolean trusted, String trustProblem, Boolean selfSigned, Boolean expired,
               Boolean notYetValid, Boolean hostnameMatches, boolean originCa, Instant notAfter, Long handshakeMs,
               String detail, boolean clientCertificateRequested) {
        static Tls of(TlsFacts t) {
            return new Tls(t.address(), t.port(), t.sni(), t.outcome().id(), t.protocol(), t.cipher(), t.alpn(),
                    map(t.chain(), Certificate::of), t.trusted(), t.trustProblem(), t.selfSigned(), t.expired(),
                    t.notYetValid(), t.hostnameMatches(), t.originCa(), t.notAfter(), t.handshakeMs(), t.detail(),
                    t.clientCertificateRequested());
        }
    }

    /** One certificate of a presented chain. */
    record Certificate(String subject, String issuer, List<String> dnsNames, Instant notBefore, Instant notAfter,
                       String sha256, boolean selfSigned) {
        static Certificate of(CertificateInfo c) {
            return new Certificate(c.subject(), c.issuer(), c.dnsNames(), c.notBefore(), c.notAfter(), c.sha256(),
                    c.selfSigned());
        }
    }

    /** Facts of an {@code origin-http} probe, and the HTTP part of the edge's. */
    record Http(String address, int port, String scheme, String host, String outcome, Integer status, String server,
                Long headerBytes, Long largestHeaderBytes, Map<String, String> headers, String bodyStart,
                long bodyBytes, boolean bodyComplete, PhaseTimes phases, String detail) {
        static Http of(HttpFacts h) {
            return h == null ? null : new Http(h.address(), h.port(), h.scheme(), h.host(), h.outcome().id(),
                    h.status(), h.server(), h.headerBytes(), h.largestHeaderBytes(), sorted(h.headers()),
                    h.bodyStart(), h.bodyBytes(), h.bodyComplete(), PhaseTimes.of(h.phases()), h.detail());
        }
    }

    /** The five phase timings of an HTTP exchange, in milliseconds; null where not reached. */
    record PhaseTimes(Long resolveMs, Long connectMs, Long tlsMs, Long processingMs, Long transferMs) {
        static PhaseTimes of(Phases p) {
            return p == null ? null
                    : new PhaseTimes(p.resolveMs(), p.connectMs(), p.tlsMs(), p.processingMs(), p.transferMs());
        }
    }

    /** Facts of the {@code edge} probe. */
    record Edge(Http http, String rayId, String colo, String cfErrorType, boolean challenged, Page page,
                String errorName, String errorCategory, Boolean retryable, Integer structuredCode) {
        static Edge of(EdgeFacts e) {
            return new Edge(Http.of(e.http()), e.rayId(), e.colo(), e.cfErrorType(), e.challenged(), Page.of(e.page()),
                    e.errorName(), e.errorCategory(), e.retryable(), e.structuredCode());
        }
    }

    /** The edge's error page as the paste parser read it. */
    record Page(Integer code, Integer errorCode, String rayId, String colo, String coloCity, String host, String url,
                Integer port, Instant time, String visitorIp, String generator, List<String> origins, String format,
                Map<String, String> headers, boolean suspicious, List<String> warnings) {
        static Page of(ParsedPaste p) {
            return p == null ? null : new Page(p.code(), p.errorCode(), p.rayId(), p.colo(), p.coloCity(), p.host(),
                    p.url(), p.port(), p.time(), p.visitorIp(), p.generator() == null ? null : p.generator().id(),
                    p.origins(), p.format() == null ? null : p.format().id(), sorted(p.headers()), p.suspicious(),
                    p.warnings());
        }
    }

    /** Facts of the {@code edge-trace} probe. */
    record Trace(Http http, Map<String, String> fields) {
    }

    /** Facts of the {@code status-page} probe. */
    record StatusPage(String page, String indicator, String description, List<Incident> incidents,
                      List<DataCentre> degraded, int dataCentres) {
        static StatusPage of(StatusPageFacts s) {
            return new StatusPage(s.page(), s.indicator(), s.description(),
                    map(s.incidents(), i -> new Incident(i.name(), i.status(), i.impact(), i.link(), i.components())),
                    map(s.degraded(), d -> new DataCentre(d.name(), d.colo(), d.status())), s.dataCentres());
        }
    }

    /** An unresolved incident on the status page. */
    record Incident(String name, String status, String impact, String link, List<String> components) {
    }

    /** A data centre the status page does not show as operational. */
    record DataCentre(String name, String colo, String status) {
    }

    /** Facts of the {@code cf-api-zone} probe. */
    record Zone(String host, String zoneId, String zoneName, String status, boolean paused, String accountId) {
    }

    /** Facts of the {@code cf-api-dns} probe. */
    record ApiDns(String host, String zoneName, List<DnsRecord> records) {
        static ApiDns of(ApiDnsFacts a) {
            return new ApiDns(a.host(), a.zoneName(), map(a.records(), r -> new DnsRecord(r.type(), r.name(),
                    r.content(), r.proxied(), Address.of(r.address()), r.tunnelId())));
        }
    }

    /** One DNS record of the zone, from the API. */
    record DnsRecord(String type, String name, String content, boolean proxied, Address address, String tunnelId) {
    }

    /** Facts of the {@code cf-api-ssl} probe. */
    record SslModeSetting(String zoneName, String mode, Boolean automatic) {
    }

    /** Facts of the {@code cf-api-ray} probe. */
    record Ray(String rayId, boolean found, Instant time, String colo, String host, String path, Integer edgeStatus,
               Integer originStatus, String originIp, Long edgeTtfbMs, Long originDurationMs) {
    }

    /** Facts of the {@code cf-api-tunnel} probe. */
    record Tunnel(String host, String tunnelId, boolean exists, String name, String status, int connections,
                  List<String> colos) {
    }
}
