package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import dev.cftriage.report.Cause;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.BlackHoleServer;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end against misbehaving origins on loopback: each fault must come out as the right top cause,
 * with evidence naming the real address and port.
 */
class OriginFaultScenariosTest {
    private static final Duration BUDGET = Duration.ofMillis(1500);

    /** Triages the origin given as the host, probing the given ports (8080 and 8443 when none). */
    private static TriageReport triage(int code, InetAddress origin, Integer... ports) {
        TriageConfig config = Engines.loopbackLab(BUDGET);
        if (ports.length > 0) {
            config = config.toBuilder().ports(List.of(ports)).build();
        }
        try (CfTriage engine = CfTriage.create(config)) {
            return engine.run(TriageRequest.of(code, origin.getHostAddress()));
        }
    }

    private static Cause top(TriageReport r) {
        assertTrue(!r.causes().isEmpty(), "expected causes in " + r);
        return r.topCause();
    }

    @Test
    void anOriginWithNothingListeningIsReportedAsRefused() {
        InetAddress origin = LoopbackAddresses.next();
        TriageReport r = triage(521, origin);
        Cause top = top(r);
        assertEquals("origin-refused", top.id());
        assertTrue(top.verified());
        assertTrue(top.evidence().stream().anyMatch(e -> e.contains(origin.getHostAddress() + ":8080")), top.evidence().toString());
        assertTrue(top.fix().stream().anyMatch(f -> f.contains(origin.getHostAddress())), top.fix().toString());
    }

    @Test
    void anOriginServingOnlyPlainHttpIsReportedAsHavingNoHttps() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer http = FaultServer.start(origin, 8080, Behaviour.OK)) {
            TriageReport r = triage(521, origin);
            assertEquals("origin-no-https", top(r).id());
            assertTrue(top(r).evidence().get(0).contains(origin.getHostAddress() + ":8443"), top(r).evidence().toString());
            assertTrue(http.accepted() >= 1);
        }
    }

    @Test
    void anOriginThatDropsSynsIsReportedAsTimingOut() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (BlackHoleServer hole = BlackHoleServer.start(origin, 8080)) {
            TriageReport r = triage(522, origin, 8080);
            assertEquals("origin-timeout", top(r).id());
            ProbeResult connect = r.probes().stream().filter(p -> p.name().equals("origin-tcp")).findFirst().orElseThrow();
            assertEquals(TcpOutcome.TIMED_OUT, connect.facts(TcpFacts.class).outcome(),
                    "the unanswered SYN is a fact handed in by the deadline: " + connect);
        }
    }

    @Test
    void anOriginThatAcceptsButNeverAnswersIsReportedAsSlow() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer silent = FaultServer.start(origin, 8080, Behaviour.SILENT)) {
            TriageReport r = triage(524, origin, 8080);
            assertEquals("origin-slow", top(r).id());
        }
    }

    @Test
    void anOriginClosingWithoutAReplyIsReportedAsAnEmptyResponse() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer empty = FaultServer.start(origin, 8080, Behaviour.EMPTY_REPLY)) {
            assertEquals("origin-empty-response", top(triage(520, origin, 8080)).id());
        }
    }

    @Test
    void anOriginResettingTheConnectionIsReportedAsAReset() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer reset = FaultServer.start(origin, 8080, Behaviour.RESET)) {
            assertEquals("origin-reset", top(triage(520, origin, 8080)).id());
        }
    }

    @Test
    void anOriginSendingFortyKilobytesOfHeadersIsReportedAsOversized() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer big = FaultServer.start(origin, 8080, Behaviour.OVERSIZED_HEADERS)) {
            Cause top = top(triage(520, origin, 8080));
            assertEquals("origin-oversized-headers", top.id());
            assertTrue(top.evidence().get(0).matches(".*sent \\d{5} bytes of headers.*"), top.evidence().toString());
        }
    }

    @Test
    void anNginx502IsReportedAsTheApplicationBehindTheProxyBeingDown() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer bad = FaultServer.start(origin, 8080, Behaviour.BAD_GATEWAY)) {
            TriageReport r = triage(502, origin, 8080);
            Cause top = top(r);
            assertEquals("origin-upstream-down", top.id());
            assertTrue(top.evidence().get(0).contains("502") && top.evidence().get(0).contains("nginx"), top.evidence().toString());
            assertTrue(r.causes().stream().anyMatch(c -> c.id().equals("origin-http-error") && c.verified()),
                    "the origin's own 5xx stays listed: " + r.causes());
        }
    }

    @Test
    void anOriginThatAnswersFromHereWhileCloudflareSays521PointsAtTheFirewall() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer ok = FaultServer.start(origin, 8080, Behaviour.OK)) {
            TriageReport r = triage(521, origin, 8080);
            assertEquals("firewall-blocks-cloudflare", top(r).id());
            assertTrue(r.causes().stream().noneMatch(c -> c.id().equals("origin-refused")), "refused was ruled out");
        }
    }

    @Test
    void anOriginThatAnswersFromHereWhileCloudflareSays523PointsAtRouting() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer ok = FaultServer.start(origin, 8080, Behaviour.OK)) {
            assertEquals("routing-issue", top(triage(523, origin, 8080)).id());
        }
    }

    @Test
    void plainHttpOnTheHttpsPortIsReportedAsAFailedHandshake() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer plain = FaultServer.start(origin, 8443, Behaviour.OK)) {
            TriageReport r = triage(525, origin, 8443);
            assertEquals("tls-handshake-failed", top(r).id());
            assertTrue(top(r).evidence().get(0).contains("plain HTTP"), top(r).evidence().toString());
        }
    }

    @Test
    void everyProbeOfAnOriginRunsSideBySide() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ThreadPoolExecutor probeThreads = new ThreadPoolExecutor(0, 64, 1, TimeUnit.SECONDS, new SynchronousQueue<>()) {
            @Override
            protected void beforeExecute(Thread t, Runnable r) {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            }

            @Override
            protected void afterExecute(Runnable r, Throwable t) {
                running.decrementAndGet();
            }
        };
        try (FaultServer a = FaultServer.start(origin, 8080, Behaviour.SILENT);
             FaultServer b = FaultServer.start(origin, 8443, Behaviour.SILENT);
             CfTriage engine = CfTriage.builder().config(Engines.loopbackLab(BUDGET)).probeExecutor(probeThreads).build()) {
            TriageReport r = engine.run(TriageRequest.of(524, origin.getHostAddress()));
            long waiting = r.probes().stream().filter(p -> p.durationMs() >= BUDGET.toMillis() * 8 / 10).count();
            assertTrue(waiting >= 3, "three probes wait out the silent origin: " + r.probes());
            assertTrue(peak.get() >= waiting, "the waiting probes ran at once: " + peak.get() + " at most of " + waiting);
        } finally {
            assertFalse(probeThreads.isShutdown(), "closing the engine leaves the caller's executor alone");
            probeThreads.shutdownNow();
        }
    }
}
