package dev.cftriage.bench;

import dev.cftriage.report.InputSummary;
import dev.cftriage.testing.AdversarialPastes;
import dev.cftriage.testing.PasteFixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The inputs of {@link ParserBenchmark}, timed in thread CPU time rather than wall time: on a machine shared with
 * other builds (load far above its core count) JMH's wall-clock error bars grow larger than the scores, while the
 * CPU time one parse spends stays comparable between two builds run one after the other. Prints the median of
 * several rounds per input. Single-threaded; run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.cftriage.bench.ParserCpuTime}.
 */
public final class ParserCpuTime {
    private static final int WARM_UP_ROUNDS = 5;
    private static final int ROUNDS = 9;

    private ParserCpuTime() {
    }

    public static void main(String[] args) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("errorPage523", PasteFixtures.read("523-page.html"));
        inputs.put("curlVerbose524", PasteFixtures.read("524-curl-v-http2.txt"));
        inputs.put("adversarialOneMegabyte", AdversarialPastes.oneMegabyte());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            String paste = input.getValue();
            int perRound = paste.length() > 100_000 ? 5 : 2_000;
            long[] nanosPerParse = new long[ROUNDS];
            for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    InputSummary.of(paste);
                }
                if (round >= 0) {
                    nanosPerParse[round] = (threads.getCurrentThreadCpuTime() - start) / perRound;
                }
            }
            Arrays.sort(nanosPerParse);
            System.out.printf(Locale.ROOT, "%-24s median %10.1f µs CPU per parse (min %.1f, max %.1f)%n", input.getKey(),
                    nanosPerParse[ROUNDS / 2] / 1000.0, nanosPerParse[0] / 1000.0, nanosPerParse[ROUNDS - 1] / 1000.0);
        }
    }
}
