package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TlsOutcome;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.BlackHoleServer;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TestDnsServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every fault a real incident brings — a dead or silent resolver, a black-holed origin, an origin dribbling a byte a
 * second, a TLS server stalling mid-handshake, an endless body — ends in a report by the triage's deadline (the
 * engine stops waiting there: {@code ProbeRunnerTest}), and the report says what could not be checked and why:
 * every probe that ran hands in what it saw, none is left "still running". The real figures are in BENCHMARKS.md.
 */
class FaultBudgetScenariosTest {
    private static final Duration BUDGET = Duration.ofMillis(1000);

    /** Triages with the settings, asserting that every probe that ran handed in its facts by the deadline. */
    private static TriageReport triageWithinBudget(TriageConfig config, int code, String text) {
        try (CfTriage engine = CfTriage.create(config)) {
            TriageReport r = engine.run(TriageRequest.of(code, text));
            assertTrue(r.probes().stream().noneMatch(p -> p.status() == ProbeStatus.ERROR && p.facts() == null),
                    "every probe handed in what it saw: " + r.probes());
            return r;
        }
    }

    private static TriageReport triageOrigin(int code, InetAddress origin, int port) {
        return triageWithinBudget(Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(port)).build(), code,
                origin.getHostAddress());
    }

    private static ProbeResult probe(TriageReport r, String name) {
        return r.probes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " probe in " + r.probes()));
    }

    private static void assertReason(ProbeResult p, ProbeStatus status, String says) {
        assertEquals(status, p.status(), p.toString());
        assertTrue(p.reason().contains(says), "'" + says + "' expected in: " + p.reason());
    }

    /** The origin answered, but its body did not finish in the triage: the HTTP probe says why. */
    private static void assertBodyUnfinished(TriageReport r, String says) {
        ProbeResult http = probe(r, "origin-http");
        assertTrue(http.reason().contains(says), "'" + says + "' expected in: " + http.reason());
        assertFalse(http.facts(HttpFacts.class).bodyComplete());
    }

    @Test
    void aSilentResolverEndsWithinTheBudgetSayingTheLookupTimedOut() {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.silent("stuck.example.test");
            TriageReport r = triageWithinBudget(
                    Engines.loopbackLab(BUDGET).toBuilder().resolvers(List.of(dns.address())).build(),
                    523, "stuck.example.test");
            assertReason(probe(r, "dns"), ProbeStatus.FAIL, "no answer from the resolver for stuck.example.test");
            assertReason(probe(r, "edge"), ProbeStatus.SKIPPED, "no address");
            assertEquals("dns-lookup-failed", r.topCause().id());
        }
    }

    @Test
    void aResolverWithNothingListeningEndsWithinTheBudgetSayingTheLookupFailed() {
        String nobody = LoopbackAddresses.next().getHostAddress() + ":53";
        TriageReport r = triageWithinBudget(Engines.loopbackLab(BUDGET).toBuilder().resolvers(List.of(nobody)).build(),
                523, "nobody-answers.example.test");
        assertReason(probe(r, "dns"), ProbeStatus.FAIL, "nobody-answers.example.test");
        assertEquals("dns-lookup-failed", r.topCause().id());
    }

    @Test
    void aBlackHoledOriginEndsAtTheBudgetSayingTheSynWentUnanswered() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (BlackHoleServer hole = BlackHoleServer.start(origin, 8080)) {
            TriageReport r = triageOrigin(522, origin, 8080);
            assertReason(probe(r, "origin-tcp"), ProbeStatus.FAIL, "did not answer the SYN");
            assertReason(probe(r, "origin-http"), ProbeStatus.FAIL, "could not be connected");
        }
    }

    @Test
    void anOriginDribblingAByteASecondEndsWithinTheBudgetSayingTheBodyWasStillArriving() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer dribble = FaultServer.start(origin, 8080, Behaviour.DRIBBLE, Duration.ofSeconds(1))) {
            TriageReport r = triageOrigin(524, origin, 8080);
            assertBodyUnfinished(r, "the deadline passed while the body was still arriving");
            assertEquals("origin-slow", r.topCause().id());
        }
    }

    @Test
    void aTlsServerStallingMidHandshakeEndsWithinTheBudgetSayingTheHandshakeStalled() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer stall = FaultServer.start(origin, 8443, Behaviour.SILENT)) {
            TriageReport r = triageOrigin(525, origin, 8443);
            ProbeResult tls = probe(r, "origin-tls");
            assertReason(tls, ProbeStatus.FAIL, "stalled");
            assertEquals(TlsOutcome.STALLED, tls.facts(TlsFacts.class).outcome());
            assertTrue(stall.accepted() >= 1, "the handshake reached the server");
        }
    }

    @Test
    void anEndlessBodyEndsWithinTheBudgetSayingWhereReadingStopped() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer endless = FaultServer.start(origin, 8080, Behaviour.ENDLESS_BODY)) {
            assertBodyUnfinished(triageOrigin(520, origin, 8080), "stopped reading the body at");
        }
    }
}
