package dev.cftriage.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.Deadline;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import dev.cftriage.testing.ManualTicker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner against a clock the test moves: a probe that moves the clock past the deadline stands for time
 * passing, so what the runner does at the deadline is seen without waiting for it.
 */
class ProbeRunnerTest {
    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final TcpFacts WAITING = new TcpFacts("127.0.0.1", 8443, TcpOutcome.TIMED_OUT, 2000,
            "no connection before the deadline");

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ManualTicker ticker = new ManualTicker();
    private final Deadline deadline = Deadline.after(BUDGET, ticker);
    private final CountDownLatch stuckStarted = new CountDownLatch(1);
    private final CountDownLatch stuckInterrupted = new CountDownLatch(1);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final ProbeRunner runner = new ProbeRunner(threads, new ProbeObserver() {
        @Override
        public void started(Probe probe) {
            heard.add("started " + probe.kind().id());
        }

        @Override
        public void finished(ProbeResult result) {
            heard.add("finished " + result.name() + " " + result.status().id());
            if (result.kind() == ProbeKind.ORIGIN_TCP) {
                ticker.advance(BUDGET.plusMillis(1));
            }
        }
    });

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * A probe that returns once the stuck one is running. Time passes when the runner has taken its result: the
     * observer moves the clock past the deadline on hearing it finish, so the probe can never be caught between
     * moving the clock and returning (it would be cut, rightly, as still running at the deadline).
     */
    private Probe timePasses() {
        return probe(ProbeKind.ORIGIN_TCP, context -> {
            stuckStarted.await(10, TimeUnit.SECONDS);
            return new TcpFacts("127.0.0.1", 8080, TcpOutcome.CONNECTED, 1, null);
        });
    }

    /** A probe that reports {@code soFar} (when not null) and then waits until it is cancelled. */
    private Probe stuck(ProbeFacts soFar) {
        return probe(ProbeKind.ORIGIN_HTTP, context -> {
            if (soFar != null) {
                context.reportSoFar(() -> soFar);
            }
            stuckStarted.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                stuckInterrupted.countDown();
                throw e;
            }
            throw new AssertionError("unreachable");
        });
    }

    @Test
    void aProbeStillWaitingAtTheDeadlineIsCutAndReportsWhatItSawSoFar() throws Exception {
        List<ProbeResult> results = runner.runAll(List.of(timePasses(), stuck(WAITING)), deadline);

        assertEquals(ProbeStatus.OK, results.get(0).status());
        ProbeResult cut = results.get(1);
        assertSame(WAITING, cut.facts());
        assertEquals(ProbeStatus.FAIL, cut.status());
        assertEquals(WAITING.summary(), cut.reason());
        assertEquals(BUDGET.toMillis() + 1, cut.durationMs(), "its duration is read on the deadline's clock");
        assertTrue(stuckInterrupted.await(10, TimeUnit.SECONDS), "the cut probe's thread was interrupted");
    }

    @Test
    void aProbeThatReportedNothingIsStillRunningWhenTheBudgetRanOut() throws Exception {
        ProbeResult cut = runner.runAll(List.of(timePasses(), stuck(null)), deadline).get(1);

        assertEquals(ProbeStatus.ERROR, cut.status());
        assertEquals("still running when the triage's budget ran out", cut.reason());
        assertNull(cut.facts());
    }

    @Test
    void theObserverHearsEveryProbeStartAndFinishWithItsStatus() {
        runner.runAll(List.of(timePasses(), stuck(WAITING)), deadline);

        assertEquals(List.of("started origin-tcp", "started origin-http", "finished origin-tcp ok", "finished origin-http fail"),
                heard);
    }

    @Test
    void aProbeThatReturnsBeforeTheDeadlineKeepsItsOwnFacts() {
        TcpFacts own = new TcpFacts("127.0.0.1", 8080, TcpOutcome.REFUSED, 3, "Connection refused");
        ProbeResult result = runner.runAll(List.of(probe(ProbeKind.ORIGIN_TLS, context -> {
            context.reportSoFar(() -> WAITING);
            ticker.advance(Duration.ofMillis(3));
            return own;
        })), deadline).get(0);

        assertSame(own, result.facts());
        assertEquals(3, result.durationMs());
    }

    private interface Work {
        ProbeFacts run(ProbeContext context) throws Exception;
    }

    private static Probe probe(ProbeKind kind, Work work) {
        return new Probe() {
            @Override
            public ProbeKind kind() {
                return kind;
            }

            @Override
            public String target() {
                return "127.0.0.1:8443";
            }

            @Override
            public ProbeFacts run(ProbeContext context) throws Exception {
                return work.run(context);
            }
        };
    }
}
