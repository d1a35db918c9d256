package dev.cftriage.ops;

import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.parse.Generator;
import dev.cftriage.internal.parse.PasteFormat;
import dev.cftriage.report.Cause;
import dev.cftriage.report.CodeSummary;
import dev.cftriage.report.InputSummary;
import dev.cftriage.report.Steps;
import dev.cftriage.report.TriageReport;
import java.time.Instant;
import java.util.List;

/** Hand-built reports for the metrics tests: one probe that failed, one skipped. */
final class Reports {
    static final Instant STARTED = Instant.parse("2026-01-18T14:30:00Z");

    private Reports() {
    }

    /** A report for the code (known to the catalog or not) whose evidence was collected at {@code evidenceAt}. */
    static TriageReport of(int code, boolean known, Instant evidenceAt) {
        InputSummary input = new InputSummary(code, null, null, null, null, "example.test", null, null, null,
                Generator.UNKNOWN, PasteFormat.EMPTY, List.of(), false, List.of());
        CodeSummary summary = new CodeSummary(code, null, "t", "m", "origin", "command", known);
        List<ProbeResult> probes = List.of(
                new ProbeResult(ProbeKind.ORIGIN_HTTP, "127.77.0.9:8080", ProbeStatus.FAIL, 40, "refused", null),
                ProbeResult.skipped(ProbeKind.ORIGIN_TLS, "127.77.0.9:443", "port 443 not probed"));
        Cause cause = new Cause("origin-refused", "Nothing listens", 0.9, true, List.of(), List.of());
        return new TriageReport(input, summary, null, probes, List.of(cause), Steps.NONE, true, List.of(), STARTED,
                evidenceAt, 50);
    }
}
