package dev.cftriage.slack;

import dev.cftriage.internal.parse.Generator;
import dev.cftriage.internal.parse.PasteFormat;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.Phases;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.report.Cause;
import dev.cftriage.report.CodeSummary;
import dev.cftriage.report.EdgeSummary;
import dev.cftriage.report.InputSummary;
import dev.cftriage.report.Steps;
import dev.cftriage.report.TriageReport;
import java.time.Instant;
import java.util.List;

/** Hand-built reports for tests that need a report without running the engine. */
final class SampleReports {
    static final Instant STARTED = Instant.parse("2026-01-18T14:30:00Z");

    private SampleReports() {
    }

    /** A 523 for the host whose origin refused connections on port 8080, with the causes given. */
    static TriageReport refused(String host, List<Cause> causes) {
        InputSummary input = new InputSummary(523, null, "8b2e5f3a1c9d4e7f", "FRA", "Frankfurt", host,
                "https://" + host + "/", null, null, Generator.CLOUDFLARE, PasteFormat.EMPTY,
                List.of("127.77.0.9"), false, List.of());
        CodeSummary code = new CodeSummary(523, null, "Origin is unreachable",
                "Cloudflare could not reach the origin.", "origin", "command", true);
        EdgeSummary edge = new EdgeSummary(523, "9c3f6a4b2d1e5f80", "AMS", "cloudflare", "origin", false,
                null, null, null, null);
        HttpFacts http = new HttpFacts("127.77.0.9", 8080, "http", host, HttpOutcome.CONNECT_FAILED, null, null,
                null, null, null, null, 0, false, new Phases(0L, 3L, null, null, null), "Connection refused");
        List<ProbeResult> probes = List.of(
                new ProbeResult(ProbeKind.ORIGIN_HTTP, "127.77.0.9:8080", ProbeStatus.FAIL, 4, http.summary(), http),
                ProbeResult.skipped(ProbeKind.ORIGIN_TLS, "127.77.0.9:443", "port 443 not probed"));
        return new TriageReport(input, code, edge, probes, causes, Steps.NONE, true, List.of("DNS was not checked"),
                STARTED, STARTED.minusSeconds(5), 1234);
    }

    /** A 523 for the host with one verified cause. */
    static TriageReport refused(String host) {
        return refused(host, List.of(cause("Nothing listens on the origin's port 8080", 0.9)));
    }

    /** A verified cause with one evidence line and two fix steps. */
    static Cause cause(String title, double confidence) {
        return new Cause("origin-refused", title, confidence, true,
                List.of("127.77.0.9:8080 refused the connection"),
                List.of("Start the web server on 127.77.0.9:8080", "Allow Cloudflare's ranges in the firewall"));
    }
}
