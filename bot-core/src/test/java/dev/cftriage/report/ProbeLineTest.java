package dev.cftriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.Phases;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report's probe lines carry what renderers show of each probe, in the report's order and its JSON ids. */
class ProbeLineTest {

    @Test
    void anHttpProbeThatRanShowsItsStatusSourceAndPhaseTimings() {
        HttpFacts http = new HttpFacts("192.0.2.7", 443, "https", "shop.example.com", HttpOutcome.RESPONSE, 502,
                "nginx", 300L, 80L, null, "bad gateway", 11, true, new Phases(0L, 3L, 12L, 250L, 4L), null);
        ProbeResult result =
                new ProbeResult(ProbeKind.ORIGIN_HTTP, "192.0.2.7:443", ProbeStatus.FAIL, 270, "https answered 502", http);

        ProbeLine line = report(List.of(result)).probeLines().get(0);

        assertEquals(new ProbeLine("origin-http", "192.0.2.7:443", "fail", true, 270, "probe", "https answered 502",
                "resolve 0 · connect 3 · tls 12 · processing 250 · transfer 4 ms"), line);
    }

    @Test
    void skippedAndBlockedProbesDidNotRunAndHaveNoTimings() {
        List<ProbeLine> lines = report(List.of(
                ProbeResult.skipped(ProbeKind.ORIGIN_TLS, "192.0.2.7:443", "port 443 not probed"),
                ProbeResult.blocked(ProbeKind.ORIGIN_TCP, "10.0.0.5:80", "private address"),
                Reports.probe(ProbeKind.CF_API_ZONE, "shop.example.com", ProbeStatus.ERROR))).probeLines();

        assertEquals(List.of("skipped", "blocked", "error"), lines.stream().map(ProbeLine::status).toList());
        assertFalse(lines.get(0).ran());
        assertFalse(lines.get(1).ran());
        assertTrue(lines.get(2).ran(), "a probe that failed to do its work still ran");
        assertEquals("api", lines.get(2).source());
        assertTrue(lines.stream().allMatch(l -> l.timings() == null));
    }

    private static TriageReport report(List<ProbeResult> probes) {
        return Reports.report(Reports.input(null, null, null, null), Reports.code(521), null, probes, List.of(),
                Steps.NONE, List.of());
    }
}
