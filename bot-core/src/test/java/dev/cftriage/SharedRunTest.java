package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharedRunTest {

    @Test
    void aWindowTooLongToCountInNanosecondsNeverEnds() {
        long window = SharedRun.windowNanos(Duration.ofDays(999_999));

        assertEquals(Long.MAX_VALUE, window);
        assertFalse(new SharedRun(null, 0).outlived(window, Long.MAX_VALUE - 1));
    }

    @Test
    void aRunHasOutlivedItsWindowOnceTheWholeWindowHasPassedSinceItFinished() {
        SharedRun run = new SharedRun(null, 1_000);
        long window = SharedRun.windowNanos(Duration.ofNanos(500));

        assertFalse(run.outlived(window, 1_499));
        assertTrue(run.outlived(window, 1_500));
    }
}
