package dev.cftriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cftriage.internal.evidence.Phases;
import org.junit.jupiter.api.Test;

class PhaseBarTest {
    @Test
    void aCompleteHttpsExchangeSharesTheWidthByTime() {
        assertEquals("[cctttttwwwwwwwwwwwwx] 100 ms", PhaseBar.draw(new Phases(0L, 10L, 25L, 60L, 5L)));
    }

    @Test
    void plainHttpLeavesTlsOutAndEveryPhaseReachedGetsALetter() {
        assertEquals("[cwwwwwwwwwwwwwwwwwwx] 1000 ms", PhaseBar.draw(new Phases(null, 1L, null, 998L, 1L)));
    }

    @Test
    void phasesNeverReachedAreDots() {
        assertEquals("[cccccttttttttttttt··] 30 ms", PhaseBar.draw(new Phases(null, 8L, 22L, null, null)));
    }

    @Test
    void anExchangeWithNoMeasurableTimeSpreadsItsPhasesEvenly() {
        assertEquals("[ccccctttttwwwwwxxxxx] 0 ms", PhaseBar.draw(new Phases(0L, 0L, 0L, 0L, 0L)));
    }
}
