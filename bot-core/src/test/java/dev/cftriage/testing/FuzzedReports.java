package dev.cftriage.testing;

import dev.cftriage.input.BadInputException;
import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.report.Cause;
import dev.cftriage.report.EdgeSummary;
import dev.cftriage.report.TriageReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports built from fuzzed pastes, for renderer fuzzing: the offline engine's report for a paste (no probe, no
 * network), and the same report with hostile text planted where a probed server's words go (the edge's
 * {@code Server} header and error name, probe targets and reasons, a cause's title, evidence and fix, the notes).
 * Thread-safe; close it to stop the engine's threads.
 */
public final class FuzzedReports implements AutoCloseable {
    /** Longest planted text: a server's header or reason as the probes keep it is shorter. */
    private static final int MAX_PLANTED = 4_096;

    private final CfTriage engine = CfTriage.create(TriageConfig.defaults().toBuilder().offline(true).build());

    /**
     * The offline engine's report for the request.
     *
     * @throws BadInputException when the engine refuses the input, as it may for a fuzzed paste
     */
    public TriageReport offline(TriageRequest request) {
        return engine.run(request);
    }

    /** The report with {@code text} (cut to a few KB) planted wherever a probed server's or the paste's words go. */
    public static TriageReport withServerText(TriageReport report, String text) {
        String planted = text.length() > MAX_PLANTED ? text.substring(0, MAX_PLANTED) : text;
        List<ProbeResult> probes = new ArrayList<>(report.probes());
        probes.add(new ProbeResult(ProbeKind.ORIGIN_HTTP, planted, ProbeStatus.FAIL, 12, planted, null));
        probes.add(ProbeResult.blocked(ProbeKind.ORIGIN_TCP, planted, planted));
        probes.add(ProbeResult.skipped(ProbeKind.EDGE, planted, planted));
        List<Cause> causes = new ArrayList<>(report.causes());
        causes.add(0, new Cause("origin-http-error", planted, 0.9, true, List.of(planted, "Server: " + planted),
                List.of(planted), List.of(FactSource.PROBE)));
        EdgeSummary edge = new EdgeSummary(522, planted, planted, planted, planted, false, 1016, planted, planted, true);
        List<String> notes = new ArrayList<>(report.notes());
        notes.add(planted);
        return new TriageReport(report.input(), report.code(), edge, probes, causes, report.steps(), true, notes,
                report.startedAt(), report.evidenceAt(), report.elapsedMs(), report.sslMode());
    }

    @Override
    public void close() {
        engine.close();
    }
}
