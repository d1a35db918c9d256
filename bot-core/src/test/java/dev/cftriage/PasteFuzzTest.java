package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.parse.PasteParser;
import dev.cftriage.report.FirstScreenText;
import dev.cftriage.report.Headlines;
import dev.cftriage.report.ReportDiff;
import dev.cftriage.report.ReportJson;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.SupportBundle;
import dev.cftriage.report.TextReport;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.FuzzedReports;
import dev.cftriage.testing.PasteMutator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the parser, the engine offline (no probe, no network) and every bot-core renderer — text report, JSON,
 * support bundle, report diff, headlines — with mutated pastes ({@link PasteMutator} over the fixtures and the
 * captured real pages). Nothing may throw but {@link BadInputException}, whose message is one short line, and each
 * case must finish within a generous CPU-time bound. The suite runs {@value #DEFAULT_CASES} cases; a long run is
 * {@code -Dfuzz.cases=100000}, another sequence {@code -Dfuzz.seed=N}; a failure names the case's seed number,
 * which {@code PasteMutator.mutate} turns back into the paste.
 */
class PasteFuzzTest {
    static final int DEFAULT_CASES = 2_000;
    private static final int CASES = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
    private static final long FIRST_SEED = Long.getLong("fuzz.seed", 20_261_130L);
    private static final Duration CPU_PER_CASE = Duration.ofSeconds(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_MESSAGE = 400;

    @Test
    void mutatedPastesRaiseNothingButBadInputAndFinishInBoundedTime() {
        PasteMutator mutator = PasteMutator.overCorpus();
        Duration hangGuard = Duration.ofSeconds(60).plus(CPU_PER_CASE.dividedBy(20).multipliedBy(CASES));
        try (FuzzedReports reports = new FuzzedReports()) {
            long wallStart = System.nanoTime();
            int refused = assertTimeoutPreemptively(hangGuard, () -> run(mutator, reports));
            System.out.printf("fuzz: %d cases from seed %d, %d refused as bad input; %.1f s wall%n", CASES,
                    FIRST_SEED, refused, (System.nanoTime() - wallStart) / 1e9);
        }
    }

    private static int run(PasteMutator mutator, FuzzedReports reports) {
        TriageReport previous = null;
        int refused = 0;
        long cpuStart = cpuNanos();
        long slowest = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = FIRST_SEED + i;
            String paste = mutator.mutate(seed);
            long start = cpuNanos();
            try {
                previous = fuzzOnce(paste, seed, previous, reports);
            } catch (BadInputException e) {
                refused++;
                String m = e.getMessage();
                assertTrue(m != null && !m.isBlank() && m.length() <= MAX_MESSAGE && m.indexOf('\n') < 0,
                        "case " + seed + ": a bad input message must be one short line: " + m);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("case " + seed + " (" + paste.length() + " chars) threw " + e, e);
            }
            long spent = cpuNanos() - start;
            assertTrue(spent <= CPU_PER_CASE.toNanos(), "case " + seed + " took " + spent / 1_000_000 + " ms of CPU");
            slowest = Math.max(slowest, spent);
        }
        System.out.printf("fuzz: %.1f s of CPU for the cases, %.2f ms a case on average, slowest %.1f ms%n",
                (cpuNanos() - cpuStart) / 1e9, (cpuNanos() - cpuStart) / 1e6 / CASES, slowest / 1e6);
        return refused;
    }

    /**
     * One case: triage offline (whose first step is {@link PasteParser#parse}), render; returns the report for the
     * next case's diff.
     */
    private static TriageReport fuzzOnce(String paste, long seed, TriageReport previous, FuzzedReports reports) {
        TriageRequest request = switch ((int) (seed % 3)) {
            case 0 -> TriageRequest.of(paste);
            case 1 -> TriageRequest.of(520 + (int) (seed % 11), paste);
            default -> new TriageRequest(paste, 521, List.of(PasteMutator.hostileToken(seed)));
        };
        TriageReport report = reports.offline(request);
        TriageReport planted = FuzzedReports.withServerText(report, paste);
        for (TriageReport r : List.of(report, planted)) {
            TextReport.render(r);
            FirstScreenText.render(ReportView.of(r));
            ReportJson.write(r);
            SupportBundle.text(r);
            Headlines.headline(r);
            Headlines.context(r);
            Headlines.freshness(r);
            ReportDiff.changes(previous == null ? r : previous, r);
        }
        ReportDiff.changes(planted, report);
        return report;
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
