package dev.cftriage.discord;

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
    static final Instant AT = Instant.parse("2026-11-20T10:15:30Z");

    private SampleReports() {
    }

    static InputSummary input(String host) {
        return new InputSummary(523, null, "8f3a1b2c3d4e5f60", "FRA", "Frankfurt", host, null, null, null,
                Generator.CLOUDFLARE, PasteFormat.ERROR_PAGE_TEXT, List.of(), false, List.of());
    }

    static CodeSummary code523() {
        return new CodeSummary(523, null, "Origin is unreachable",
                "Cloudflare could not route to the origin's address.", "origin", "input", true);
    }

    static Cause cause(String title, double confidence, boolean verified) {
        return new Cause("origin-unroutable", title, confidence, verified,
                verified ? List.of("203.0.113.7:443 did not answer the SYN within 4000 ms") : List.of(),
                List.of("Check the A record of example.com points at 203.0.113.7", "Allow Cloudflare's ranges"));
    }

    static ProbeResult httpProbe(ProbeStatus status) {
        HttpFacts http = new HttpFacts("203.0.113.7", 443, "https", "example.com", HttpOutcome.RESPONSE, 200,
                "nginx", 300L, 80L, null, "ok", 2, true, new Phases(0L, 12L, 30L, 45L, 1L), null);
        return new ProbeResult(ProbeKind.ORIGIN_HTTP, "203.0.113.7:443", status, 88, "https answered 200", http);
    }

    /** A 523 report: a verified cause of the given confidence, an edge answering {@code edgeStatus}. */
    static TriageReport report(double confidence, boolean verified, Integer edgeStatus) {
        EdgeSummary edge = edgeStatus == null ? null
                : new EdgeSummary(edgeStatus, "8f3a1b2c3d4e5f61", "AMS", "cloudflare", null, false, null, null, null, null);
        return new TriageReport(input("example.com"), code523(), edge,
                verified ? List.of(httpProbe(ProbeStatus.FAIL)) : List.of(ProbeResult.skipped(ProbeKind.ORIGIN_TCP, "example.com", "offline")),
                List.of(cause("The origin's address is unroutable", confidence, verified)),
                new Steps(List.of("Check DNS"), List.of("Try later"), List.of("Send the Ray ID")),
                verified, List.of("TLS was not checked: port 443 is closed"), AT, AT, 1234);
    }

    /**
     * A 523 report in which every string that can come from outside (host, warnings, the code's meaning, causes,
     * steps, notes, the probe's target and reason, the server header) carries {@code hostile}.
     */
    static TriageReport hostile(String hostile) {
        InputSummary input = new InputSummary(523, null, "8f3a1b2c3d4e5f60", "FRA", "Frankfurt", hostile, null, null,
                null, Generator.CLOUDFLARE, PasteFormat.ERROR_PAGE_TEXT, List.of(), true, List.of(hostile));
        CodeSummary code = new CodeSummary(523, null, hostile, hostile, "origin", "input", true);
        Cause cause = new Cause("origin-http-error", hostile, 0.9, true, List.of("server: " + hostile, hostile),
                List.of(hostile));
        HttpFacts http = new HttpFacts("203.0.113.7", 443, "https", hostile, HttpOutcome.RESPONSE, 502, hostile,
                300L, 80L, null, hostile, 2, true, new Phases(0L, 12L, 30L, 45L, 1L), null);
        ProbeResult probe = new ProbeResult(ProbeKind.ORIGIN_HTTP, hostile, ProbeStatus.FAIL, 88, hostile, http);
        return new TriageReport(input, code, null, List.of(probe), List.of(cause),
                new Steps(List.of(hostile), List.of(hostile), List.of(hostile)), true, List.of(hostile), AT, AT, 1234);
    }
}
