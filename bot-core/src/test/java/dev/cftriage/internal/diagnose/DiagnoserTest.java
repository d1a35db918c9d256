package dev.cftriage.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.catalog.ErrorCatalog;
import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.parse.ParsedPaste;
import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import dev.cftriage.report.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ranking itself, on evidence built by hand: for what loopback cannot produce (no route to an origin) and for
 * how confidence weighs evidence against the code.
 */
class DiagnoserTest {
    private static final ErrorCatalog CATALOG = ErrorCatalog.load();
    private static final Diagnoser DIAGNOSER = new Diagnoser(CATALOG);
    private static final ClassifiedAddress ORIGIN = new ClassifiedAddress("198.51.100.20", 4, AddressCategory.PUBLIC, true, null);

    private static Evidence tcp(TcpOutcome outcome, int port) {
        TcpFacts facts = new TcpFacts(ORIGIN.address(), port, outcome, 12, outcome == TcpOutcome.UNREACHABLE ? "No route to host" : null);
        return new Evidence(List.of(new ProbeResult(ProbeKind.ORIGIN_TCP, ORIGIN.address() + ":" + port, facts.verdict(), 12,
                facts.summary(), facts)), List.of(ORIGIN), Instant.now(), List.of());
    }

    private static List<Cause> diagnose(int code, Evidence evidence) {
        return DIAGNOSER.diagnose(code, CATALOG.code(code).orElseThrow(), ParsedPaste.empty(), evidence, "shop.example.com",
                Duration.ofSeconds(4));
    }

    @Test
    void anOriginWithNoRouteIsReportedAsUnreachable() {
        List<Cause> causes = diagnose(523, tcp(TcpOutcome.UNREACHABLE, 443));
        assertEquals("origin-unreachable", causes.get(0).id());
        assertTrue(causes.get(0).evidence().get(0).contains("198.51.100.20:443"));
        assertTrue(causes.get(0).fix().stream().anyMatch(f -> f.contains("198.51.100.20")), causes.get(0).fix().toString());
    }

    @Test
    void aCauseTypicalOfTheCodeRanksAboveTheSameEvidenceForAnotherCode() {
        double for521 = diagnose(521, tcp(TcpOutcome.REFUSED, 443)).stream()
                .filter(c -> c.id().equals("origin-refused")).findFirst().orElseThrow().confidence();
        double for526 = diagnose(526, tcp(TcpOutcome.REFUSED, 443)).stream()
                .filter(c -> c.id().equals("origin-refused")).findFirst().orElseThrow().confidence();
        assertTrue(for521 > for526, for521 + " should beat " + for526);
    }

    @Test
    void verifiedCausesOutrankTheCatalogsSuggestions() {
        List<Cause> causes = diagnose(522, tcp(TcpOutcome.TIMED_OUT, 443));
        assertTrue(causes.get(0).verified());
        assertTrue(causes.stream().filter(c -> !c.verified()).allMatch(c -> c.confidence() < causes.get(0).confidence()));
        for (int i = 1; i < causes.size(); i++) {
            assertTrue(causes.get(i - 1).confidence() >= causes.get(i).confidence(), "sorted by confidence");
        }
    }

    @Test
    void anOriginThatAcceptsRulesOutConnectionCauses() {
        List<Cause> causes = diagnose(521, tcp(TcpOutcome.CONNECTED, 443));
        assertFalse(causes.stream().anyMatch(c -> c.id().equals("origin-refused")), causes.toString());
    }

    @Test
    void withoutEvidenceTheCodesCatalogCausesAreGivenUnverified() {
        List<Cause> causes = diagnose(523, Evidence.none(Instant.now(), List.of()));
        assertFalse(causes.isEmpty());
        assertTrue(causes.stream().noneMatch(Cause::verified));
        assertEquals(CATALOG.code(523).orElseThrow().causes().get(0).id(), causes.get(0).id());
        assertTrue(causes.stream().allMatch(c -> c.fix().stream().noneMatch(f -> f.contains("{"))), "placeholders are filled");
    }

    @Test
    void anOriginFailingFromHereToIsNotBlamedOnAFirewallAgainstCloudflare() {
        TcpFacts timedOut = new TcpFacts(ORIGIN.address(), 443, TcpOutcome.TIMED_OUT, 4000, null);
        TcpFacts connected = new TcpFacts(ORIGIN.address(), 80, TcpOutcome.CONNECTED, 3, null);
        Evidence evidence = new Evidence(List.of(
                new ProbeResult(ProbeKind.ORIGIN_TCP, ORIGIN.address() + ":443", timedOut.verdict(), 4000, timedOut.summary(), timedOut),
                new ProbeResult(ProbeKind.ORIGIN_TCP, ORIGIN.address() + ":80", connected.verdict(), 3, connected.summary(), connected)),
                List.of(ORIGIN), Instant.now(), List.of());
        List<Cause> causes = diagnose(522, evidence);
        assertEquals("origin-timeout", causes.get(0).id());
        assertTrue(causes.stream().noneMatch(c -> c.id().equals("firewall-blocks-cloudflare") && c.verified()), causes.toString());
    }

    @Test
    void probeStatusFollowsTheFacts() {
        assertEquals(ProbeStatus.FAIL, tcp(TcpOutcome.UNREACHABLE, 443).probes().get(0).status());
    }
}
