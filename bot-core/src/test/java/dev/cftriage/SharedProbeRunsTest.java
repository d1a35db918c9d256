package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.Limits;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.report.Headlines;
import dev.cftriage.report.TextReport;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.ManualClock;
import dev.cftriage.testing.ManualTicker;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A channel pasting the same error at once costs one probe run: triages of the same target within
 * {@code limits.shareFor} share it, and every report says how fresh its evidence is.
 */
class SharedProbeRunsTest {
    private static final Duration BUDGET = Duration.ofMillis(1500);

    /** Counts what the engine reports through its listener. */
    private static class Counting implements TriageListener {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final AtomicInteger triages = new AtomicInteger();

        @Override
        public void probeRunStarted(String host) {
            started.incrementAndGet();
        }

        @Override
        public void probeRunFinished(String host) {
            finished.incrementAndGet();
        }

        @Override
        public void triageFinished(TriageReport report) {
            triages.incrementAndGet();
        }
    }

    private static TriageConfig lab(Duration shareFor) {
        return Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8080))
                .limits(new Limits(shareFor, 16, 64, 6, 20)).build();
    }

    @Test
    void twentySimultaneousTriagesOfOneTargetShareOneProbeRun() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        Counting counting = new Counting();
        try (FaultServer slow = FaultServer.start(origin, 8080, Behaviour.SLOW, Duration.ofMillis(300));
             CfTriage engine = CfTriage.create(lab(Duration.ofSeconds(10)), counting)) {
            List<CompletableFuture<TriageReport>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                all.add(engine.runAsync(TriageRequest.of(524, origin.getHostAddress())));
            }
            List<TriageReport> reports = all.stream().map(CompletableFuture::join).toList();

            assertEquals(1, counting.started.get(), "probe runs started");
            assertEquals(1, counting.finished.get(), "probe runs finished");
            assertEquals(20, counting.triages.get(), "triages finished");
            assertEquals(2, slow.accepted(), "one TCP and one HTTP probe reached the origin");
            assertEquals(1, reports.stream().map(TriageReport::evidenceAt).distinct().count(), "one evidence for all");
        }
    }

    @Test
    void aLaterTriageOfTheSameTargetReusesTheRunAndSaysHowOldItIs() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        Counting counting = new Counting();
        ManualClock clock = new ManualClock();
        ManualTicker ticker = new ManualTicker();
        try (FaultServer ok = FaultServer.start(origin, 8080, Behaviour.OK);
             CfTriage engine = CfTriage.builder().config(lab(Duration.ofSeconds(10))).listener(counting)
                     .clock(clock).ticker(ticker).build()) {
            TriageReport first = engine.run(TriageRequest.of(521, origin.getHostAddress()));
            clock.advance(Duration.ofMillis(1100));
            ticker.advance(Duration.ofMillis(1100));
            TriageReport second = engine.run(TriageRequest.of(521, "http://" + origin.getHostAddress() + ":8080/"));

            assertEquals(1, counting.started.get());
            assertEquals("evidence collected for this triage", Headlines.freshness(first));
            assertEquals(first.evidenceAt(), second.evidenceAt());
            assertTrue(second.evidenceAt().isBefore(second.startedAt()));
            assertEquals("evidence from 1.1 s ago (shared)", Headlines.freshness(second));
            assertTrue(TextReport.render(second).contains(Headlines.freshness(second)));
            assertTrue(second.notes().stream().anyMatch(n -> n.startsWith("evidence shared from a run")), second.notes().toString());
        }
    }

    @Test
    void aTriageAfterTheSharingWindowRunsTheProbesAgain() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        Counting counting = new Counting();
        ManualTicker ticker = new ManualTicker();
        try (FaultServer ok = FaultServer.start(origin, 8080, Behaviour.OK);
             CfTriage engine = CfTriage.builder().config(lab(Duration.ofMillis(200))).listener(counting)
                     .ticker(ticker).build()) {
            engine.run(TriageRequest.of(521, origin.getHostAddress()));
            ticker.advance(Duration.ofMillis(400));
            TriageReport again = engine.run(TriageRequest.of(521, origin.getHostAddress()));

            assertEquals(2, counting.started.get());
            assertEquals("evidence collected for this triage", Headlines.freshness(again));
        }
    }

    /**
     * The window counts from when the run finished, not from when the cache got round to recording it: here the
     * ticker moves a whole window while the finished run is still on its way into the cache (the listener hears of
     * the end before the cache does), and the next triage must probe afresh.
     */
    @Test
    void aRunThatFinishedAWindowAgoIsNotSharedEvenWhenTheCacheRecordedItLate() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        ManualTicker ticker = new ManualTicker();
        Counting counting = new Counting() {
            @Override
            public void probeRunFinished(String host) {
                super.probeRunFinished(host);
                ticker.advance(Duration.ofMillis(400));
            }
        };
        try (FaultServer ok = FaultServer.start(origin, 8080, Behaviour.OK);
             CfTriage engine = CfTriage.builder().config(lab(Duration.ofMillis(200))).listener(counting)
                     .ticker(ticker).build()) {
            engine.run(TriageRequest.of(521, origin.getHostAddress()));
            TriageReport again = engine.run(TriageRequest.of(521, origin.getHostAddress()));

            assertEquals(2, counting.started.get());
            assertEquals("evidence collected for this triage", Headlines.freshness(again));
        }
    }

    @Test
    void aFreshRequestProbesAgainInsideTheSharingWindow() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        Counting counting = new Counting();
        try (FaultServer ok = FaultServer.start(origin, 8080, Behaviour.OK);
             CfTriage engine = CfTriage.create(lab(Duration.ofSeconds(10)), counting)) {
            TriageReport first = engine.run(TriageRequest.of(521, origin.getHostAddress()));
            TriageReport rerun = engine.run(TriageRequest.of(521, origin.getHostAddress()).asFresh());
            TriageReport shared = engine.run(TriageRequest.of(521, origin.getHostAddress()));

            assertEquals(2, counting.started.get(), "the fresh request ran the probes again; the next one shared it");
            assertTrue(rerun.evidenceAt().isAfter(first.evidenceAt()) || rerun.evidenceAt().equals(rerun.startedAt()));
            assertEquals(rerun.evidenceAt(), shared.evidenceAt());
        }
    }

    @Test
    void theListenerHearsEverySingleProbeOfTheRunStartAndFinishAsTheReportShowsIt() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        List<String> started = new CopyOnWriteArrayList<>();
        List<String> finished = new CopyOnWriteArrayList<>();
        TriageListener probes = new TriageListener() {
            @Override
            public void probeStarted(String kind, String target) {
                started.add(kind + " " + target);
            }

            @Override
            public void probeFinished(String kind, String target, String status, Duration duration) {
                finished.add(kind + " " + target + " " + status + " " + duration.toMillis());
            }
        };
        try (FaultServer ok = FaultServer.start(origin, 8080, Behaviour.OK);
             CfTriage engine = CfTriage.builder().config(lab(Duration.ofSeconds(10))).listener(probes).build()) {
            TriageReport r = engine.run(TriageRequest.of(521, origin.getHostAddress()));
            engine.run(TriageRequest.of(521, origin.getHostAddress()));

            List<String> ran = r.probes().stream().filter(p -> !List.of("skipped", "blocked").contains(p.status().id()))
                    .map(p -> p.name() + " " + p.target() + " " + p.status().id() + " " + p.durationMs()).toList();
            assertEquals(List.of("origin-http " + origin.getHostAddress() + ":8080", "origin-tcp " + origin.getHostAddress()
                    + ":8080"), started.stream().sorted().toList(), "a shared run's probes are heard once");
            assertEquals(ran.stream().sorted().toList(), finished.stream().sorted().toList());
        }
    }

    @Test
    void aListenerThatThrowsDoesNotCostTheTriageItsEvidence() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        TriageListener throwing = new TriageListener() {
            @Override
            public void probeRunStarted(String host) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (FaultServer ok = FaultServer.start(origin, 8080, Behaviour.OK);
             CfTriage engine = CfTriage.create(lab(Duration.ofSeconds(10)), throwing)) {
            TriageReport r = engine.run(TriageRequest.of(521, origin.getHostAddress()));
            assertTrue(r.verified(), r.notes().toString());
            assertTrue(ok.accepted() > 0);
        }
    }

    @Test
    void triagesOfDifferentTargetsDoNotShare() throws Exception {
        InetAddress a = LoopbackAddresses.next();
        InetAddress b = LoopbackAddresses.next();
        Counting counting = new Counting();
        try (FaultServer okA = FaultServer.start(a, 8080, Behaviour.OK);
             FaultServer okB = FaultServer.start(b, 8080, Behaviour.OK);
             CfTriage engine = CfTriage.create(lab(Duration.ofSeconds(10)), counting)) {
            CompletableFuture<TriageReport> first = engine.runAsync(TriageRequest.of(521, a.getHostAddress()));
            CompletableFuture<TriageReport> second = engine.runAsync(TriageRequest.of(521, b.getHostAddress()));
            CompletableFuture.allOf(first, second).join();

            assertEquals(2, counting.started.get());
            assertTrue(okA.accepted() >= 1 && okB.accepted() >= 1);
        }
    }
}
