package dev.cftriage.testing;

import dev.cftriage.internal.evidence.ProbeContext;
import java.time.Duration;

/**
 * Budgets for probe tests. That the engine never waits past a deadline is the {@code ProbeRunner}'s contract,
 * tested against a {@link ManualTicker}; probe tests assert what a probe saw under its budget, never how long it took.
 */
public final class Deadlines {

    /** One run of a probe under a context. */
    public interface ProbeRun<F> {
        F run(ProbeContext context) throws Exception;
    }

    private Deadlines() {
    }

    /** A context whose deadline is {@code millis} from now. */
    public static ProbeContext budget(long millis) {
        return ProbeContext.startingNow(Duration.ofMillis(millis));
    }

    /** Runs the probe with a budget of {@code millis} and returns what it saw. */
    public static <F> F runUnder(long millis, ProbeRun<F> probe) throws Exception {
        return probe.run(budget(millis));
    }
}
