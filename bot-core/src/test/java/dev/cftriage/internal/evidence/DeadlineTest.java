package dev.cftriage.internal.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.testing.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one deadline policy, read on a clock the test moves. */
class DeadlineTest {
    private final ManualTicker ticker = new ManualTicker();

    @Test
    void aBlockingCallMayUseAllButATenthOfWhatIsLeftUpToAHundredMilliseconds() {
        Deadline deadline = Deadline.after(Duration.ofMillis(500), ticker);
        assertEquals(500, deadline.remainingMillis());
        assertEquals(450, deadline.usableMillis(), "a tenth kept back");

        Deadline longer = Deadline.after(Duration.ofSeconds(5), ticker);
        assertEquals(4900, longer.usableMillis(), "never more than 100 ms kept back");
    }

    @Test
    void aPassedDeadlineLeavesOneMillisecondForSocketTimeoutsNeverZero() {
        Deadline deadline = Deadline.after(Duration.ofMillis(200), ticker);
        ticker.advance(Duration.ofMillis(200));

        assertTrue(deadline.expired());
        assertEquals(0, deadline.remainingNanos());
        assertEquals(1, deadline.remainingMillis());
        assertEquals(1, deadline.usableMillis());
    }

    @Test
    void aStageEndsAtTheEarlierOfItsShareAndTheWholeDeadline() {
        Deadline whole = Deadline.after(Duration.ofMillis(1000), ticker);
        assertEquals(500, whole.within(Duration.ofMillis(500)).remainingMillis());
        assertEquals(1000, whole.within(Duration.ofMillis(3000)).remainingMillis());
    }

    @Test
    void durationsAreReadOnTheDeadlinesClock() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(1), ticker);
        long start = ticker.read();
        ticker.advance(Duration.ofMillis(1234));

        assertEquals(1234, deadline.millisSince(start));
        assertFalse(Deadline.after(Duration.ofSeconds(1), ticker).expired());
    }
}
