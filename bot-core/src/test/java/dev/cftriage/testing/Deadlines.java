package dev.cftriage.testing;

import dev.cftriage.internal.evidence.ProbeContext;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** Budgets for probe tests, and the check that a probe returned by its deadline. */
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

    /** Runs the probe with a budget of {@code millis} and asserts it returned by that deadline. */
    public static <F> F returnsWithin(long millis, ProbeRun<F> probe) throws Exception {
        long start = System.nanoTime();
        F facts = probe.run(budget(millis));
        long took = (System.nanoTime() - start) / 1_000_000L;
        assertTrue(took < millis, "took " + took + " ms of a " + millis + " ms budget");
        return facts;
    }
}
