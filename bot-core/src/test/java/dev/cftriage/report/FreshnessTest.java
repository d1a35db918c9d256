package dev.cftriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rendered report says how fresh its evidence is. */
class FreshnessTest {

    private static TriageReport withEvidence(Instant evidenceAt, boolean probed, long elapsedMs) {
        TriageReport base = Reports.report(null, probed ? List.of(Reports.refusedTcp("192.0.2.7", 443)) : List.of(),
                List.of());
        return new TriageReport(base.input(), base.code(), base.edge(), base.probes(), base.causes(), base.steps(),
                base.verified(), base.notes(), Reports.STARTED, evidenceAt, elapsedMs);
    }

    @Test
    void sharedEvidenceIsAgedUpToTheEndOfTheTriage() {
        TriageReport shared = withEvidence(Reports.STARTED.minusMillis(4200), true, 300);
        assertEquals("evidence from 4.5 s ago (shared)", Headlines.freshness(shared));
        assertTrue(TextReport.render(shared).contains("Triage took 300 ms; evidence from 4.5 s ago (shared)."),
                TextReport.render(shared));
    }

    @Test
    void evidenceCollectedByTheTriageItselfSaysSo() {
        TriageReport own = withEvidence(Reports.STARTED.plusMillis(2), true, 900);
        assertEquals("evidence collected for this triage", Headlines.freshness(own));
    }

    @Test
    void aTriageThatProbedNothingSaysThereIsNoLiveEvidence() {
        TriageReport none = withEvidence(Reports.STARTED, false, 5);
        assertEquals("no live evidence", Headlines.freshness(none));
        assertTrue(TextReport.render(none).contains("no live evidence"));
    }

    @Test
    void aSkippedProbeAloneIsNotLiveEvidence() {
        TriageReport skipped = new TriageReport(Reports.report(null, List.of(), List.of()).input(), null, null,
                List.of(Reports.probe(ProbeKind.EDGE, "shop.example.com", ProbeStatus.SKIPPED)), List.of(), Steps.NONE, false,
                List.of(), Reports.STARTED, Reports.STARTED, 3);
        assertEquals("no live evidence", Headlines.freshness(skipped));
    }
}
