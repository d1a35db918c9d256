package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateChangesTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final CauseState REFUSED = new CauseState("origin-refused", "The origin refused the connection", true,
            List.of("192.0.2.1:443 refused"));

    private static ReportState state(Integer edge, String tcp, List<CauseState> causes) {
        return new ReportState(521, "Web server is down", edge, null, true,
                List.of(new ProbeState("origin-tcp", "192.0.2.1:443", tcp)), causes, AT);
    }

    @Test
    void theSameStateSeenAgainIsNoChange() {
        assertEquals(List.of(), StateChanges.between(state(521, "fail", List.of(REFUSED)),
                state(521, "fail", List.of(new CauseState("origin-refused", "reworded", true, List.of("other evidence"))))));
    }

    @Test
    void theEdgeCodeAProbeFlipAndACauseRuledOutAreEachOneLine() {
        List<String> lines = StateChanges.between(state(521, "fail", List.of(REFUSED)), state(200, "ok", List.of()));
        assertEquals(List.of("the edge answers 200 (was 521)", "origin-tcp 192.0.2.1:443: fail → ok",
                "ruled out: The origin refused the connection (origin-refused)", "top cause: none (was origin-refused)"), lines);
    }

    @Test
    void aCauseTheProbesNowConfirmIsSaidSo() {
        CauseState unverified = new CauseState("origin-refused", "The origin refused the connection", false, List.of());
        assertEquals(List.of("confirmed: The origin refused the connection (origin-refused)"),
                StateChanges.between(state(521, "fail", List.of(unverified)), state(521, "fail", List.of(REFUSED))));
    }

    @Test
    void recoveryNeedsAHealthyEdgeAndEveryProbeThatFailedToPass() {
        List<String> failed = List.of("origin-tcp 192.0.2.1:443");
        assertTrue(state(200, "ok", List.of()).recoveredFrom(failed));
        assertFalse(state(522, "ok", List.of()).recoveredFrom(failed), "the edge still answers a 5xx");
        assertFalse(state(200, "skipped", List.of()).recoveredFrom(failed), "a probe that failed must pass, not be skipped");
        assertFalse(state(null, "ok", List.of()).recoveredFrom(failed), "a proxied edge that answers nothing");
    }
}
