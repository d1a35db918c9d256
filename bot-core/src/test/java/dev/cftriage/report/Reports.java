package dev.cftriage.report;

import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.parse.Generator;
import dev.cftriage.internal.parse.PasteFormat;
import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.DnsOutcome;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import java.time.Instant;
import java.util.List;

/** Hand-built report parts for the report helpers' tests. */
final class Reports {
    static final Instant STARTED = Instant.parse("2026-01-18T14:35:00Z");

    private Reports() {
    }

    static InputSummary input(String rayId, String colo, String city, Instant time) {
        return new InputSummary(521, null, rayId, colo, city, "shop.example.com", "https://shop.example.com/cart", time,
                "203.0.113.42", Generator.CLOUDFLARE, PasteFormat.ERROR_PAGE_HTML, List.of(), false, List.of());
    }

    static CodeSummary code(int code) {
        return new CodeSummary(code, null, "Web server is down", "The origin refused the connection.", "origin",
                "input", true);
    }

    static EdgeSummary edge(Integer status, Integer errorCode) {
        return new EdgeSummary(status, "8b2e5f3a1c9d4e7f", "LAX", "cloudflare", status == null ? null : "origin",
                false, errorCode, null, null, null);
    }

    static ProbeResult probe(ProbeKind kind, String target, ProbeStatus status) {
        return new ProbeResult(kind, target, status, 12, kind.id() + " " + status.id(), null);
    }

    static ProbeResult dnsBehindCloudflare(String host, String edgeAddress) {
        DnsFacts facts = new DnsFacts(host, List.of("127.0.0.53:53"), DnsOutcome.ANSWERED, List.of(),
                List.of(new ClassifiedAddress("192.0.2.200", 4, AddressCategory.PUBLIC, true, null),
                        new ClassifiedAddress(edgeAddress, 4, AddressCategory.CLOUDFLARE, true, null)),
                List.of(), null, null);
        return new ProbeResult(ProbeKind.DNS, host, ProbeStatus.OK, 8, facts.summary(), facts);
    }

    static ProbeResult refusedTcp(String address, int port) {
        TcpFacts facts = new TcpFacts(address, port, TcpOutcome.REFUSED, 3, "Connection refused");
        return new ProbeResult(ProbeKind.ORIGIN_TCP, address + ":" + port, ProbeStatus.FAIL, 3, facts.summary(), facts);
    }

    static Cause cause(String id, double confidence, boolean verified, String... evidence) {
        return new Cause(id, "Title of " + id, confidence, verified, List.of(evidence), List.of("fix " + id));
    }

    static TriageReport report(InputSummary input, CodeSummary code, EdgeSummary edge, List<ProbeResult> probes,
                               List<Cause> causes, Steps steps, List<String> notes) {
        return new TriageReport(input, code, edge, probes, causes, steps, !probes.isEmpty(), notes, STARTED,
                STARTED.minusSeconds(5), 900);
    }

    static TriageReport report(EdgeSummary edge, List<ProbeResult> probes, List<Cause> causes) {
        return report(input("8b2e5f3a1c9d4e7f", "LAX", "Los Angeles", null), code(521), edge, probes, causes,
                Steps.NONE, List.of());
    }
}
