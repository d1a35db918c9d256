package dev.cftriage.internal.parse;

import dev.cftriage.input.BadInputException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times parses robustly on a loaded machine: a few warm-up parses, then the best of several timed ones, each timed
 * by the parsing thread's CPU time where the JVM measures it (wall time otherwise), so that neither a GC pause nor
 * other processes waiting for the same cores decide the figure. A {@link BadInputException} is a parse like any
 * other. Not thread-safe: time from one thread.
 */
final class ParseTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ParseTimer() {
    }

    /** The fastest of {@code runs} timed parses after {@code warmUps} untimed ones, in nanoseconds. */
    static long bestNanos(String paste, int warmUps, int runs) {
        for (int i = 0; i < warmUps; i++) {
            parse(paste);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = now();
            parse(paste);
            best = Math.min(best, now() - start);
        }
        return best;
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static void parse(String paste) {
        try {
            PasteParser.parse(paste);
        } catch (BadInputException refused) {
            // a clear refusal is a finished parse
        }
    }
}
