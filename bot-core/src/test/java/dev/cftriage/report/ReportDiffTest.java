package dev.cftriage.report;

import static dev.cftriage.report.Reports.cause;
import static dev.cftriage.report.Reports.edge;
import static dev.cftriage.report.Reports.probe;
import static dev.cftriage.report.Reports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {

    @Test
    void identicalRunsHaveNoChanges() {
        TriageReport run = report(edge(521, null), List.of(probe(ProbeKind.ORIGIN_TCP, "192.0.2.1:443", ProbeStatus.FAIL)),
                List.of(cause("origin-refused", 0.9, true)));
        TriageReport again = report(edge(521, null), List.of(probe(ProbeKind.ORIGIN_TCP, "192.0.2.1:443", ProbeStatus.FAIL)),
                List.of(cause("origin-refused", 0.7, true)));

        assertEquals(List.of(), ReportDiff.changes(run, again));
    }

    @Test
    void fixedOriginShowsEdgeProbeAndCauseChangesInOrder() {
        TriageReport before = report(edge(521, null),
                List.of(probe(ProbeKind.DNS, "shop.example.com", ProbeStatus.OK),
                        probe(ProbeKind.ORIGIN_TCP, "192.0.2.1:443", ProbeStatus.FAIL)),
                List.of(cause("origin-refused", 0.9, true), cause("firewall-blocks-cloudflare", 0.5, false)));
        TriageReport after = report(edge(200, null),
                List.of(probe(ProbeKind.DNS, "shop.example.com", ProbeStatus.OK),
                        probe(ProbeKind.ORIGIN_TCP, "192.0.2.1:443", ProbeStatus.OK)),
                List.of(cause("firewall-blocks-cloudflare", 0.4, false)));

        assertEquals(List.of(
                "edge status: 521 → 200",
                "origin-tcp 192.0.2.1:443: fail → ok",
                "top cause: origin-refused → firewall-blocks-cloudflare",
                "cause gone: origin-refused (Title of origin-refused)"), ReportDiff.changes(before, after));
    }

    @Test
    void probesAreMatchedByNameAndTarget() {
        TriageReport before = report(null,
                List.of(probe(ProbeKind.ORIGIN_TCP, "192.0.2.1:443", ProbeStatus.FAIL),
                        probe(ProbeKind.ORIGIN_TCP, "192.0.2.1:80", ProbeStatus.OK)),
                List.of());
        TriageReport after = report(null,
                List.of(probe(ProbeKind.ORIGIN_TCP, "192.0.2.1:80", ProbeStatus.OK),
                        probe(ProbeKind.ORIGIN_TLS, "192.0.2.1:443", ProbeStatus.SKIPPED)),
                List.of());

        assertEquals(List.of(
                "origin-tls 192.0.2.1:443: newly probed, skipped",
                "origin-tcp 192.0.2.1:443: no longer probed (was fail)"), ReportDiff.changes(before, after));
    }

    @Test
    void edgeErrorCodeAndEdgeAppearingAreReported() {
        TriageReport unprobed = report(null, List.of(), List.of());
        TriageReport tunnelDown = report(edge(530, 1033), List.of(), List.of());
        TriageReport dnsError = report(edge(530, 1016), List.of(), List.of());
        TriageReport silent = report(edge(null, null), List.of(), List.of());

        assertEquals(List.of("edge: not probed → 530 (error 1033)"), ReportDiff.changes(unprobed, tunnelDown));
        assertEquals(List.of("edge error code: 1033 → 1016"), ReportDiff.changes(tunnelDown, dnsError));
        assertEquals(List.of("edge status: 530 → none", "edge error code: 1016 → none"),
                ReportDiff.changes(dnsError, silent));
        assertEquals(List.of("edge: no response → not probed"), ReportDiff.changes(silent, unprobed));
    }

    @Test
    void causesAppearingAndTheFirstCauseAreReported() {
        TriageReport none = report(null, List.of(), List.of());
        TriageReport two = report(null, List.of(),
                List.of(cause("origin-timeout", 0.8, true), cause("origin-overloaded", 0.3, false)));

        assertEquals(List.of(
                "top cause: none → origin-timeout",
                "new cause: origin-timeout (Title of origin-timeout)",
                "new cause: origin-overloaded (Title of origin-overloaded)"), ReportDiff.changes(none, two));
    }

    @Test
    void missingReportIsRejected() {
        TriageReport run = report(null, List.of(), List.of());
        assertThrows(NullPointerException.class, () -> ReportDiff.changes(null, run));
        assertThrows(NullPointerException.class, () -> ReportDiff.changes(run, null));
    }
}
