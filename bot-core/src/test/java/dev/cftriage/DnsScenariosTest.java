package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.DnsOutcome;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TestDnsServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end with an in-process DNS server: DNS faults become DNS causes, and names or spellings that
 * lead to non-public addresses are refused before any connection is made.
 */
class DnsScenariosTest {
    private static final Duration BUDGET = Duration.ofMillis(1500);
    private TestDnsServer dns;

    @BeforeEach
    void startDns() throws Exception {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stopDns() {
        dns.close();
    }

    private TriageReport triage(TriageConfig config, int code, String text) {
        try (CfTriage engine = CfTriage.create(config.toBuilder().resolvers(List.of(dns.address())).build())) {
            return engine.run(TriageRequest.of(code, text));
        }
    }

    private TriageReport triageInLab(int code, String text) {
        return triage(Engines.loopbackLab(BUDGET), code, text);
    }

    /** Production settings (nothing opted in) but ports a test can bind without root. */
    private TriageReport triageInProduction(int code, String text) {
        return triage(TriageConfig.builder().ports(List.of(8080)).timeout(BUDGET).build(), code, text);
    }

    @Test
    void aNameThatDoesNotExistIsReportedAsNxdomain() {
        TriageReport r = triageInLab(530, "gone.example.test");
        assertEquals("dns-nxdomain", r.topCause().id());
        assertTrue(r.topCause().evidence().get(0).contains("gone.example.test"), r.topCause().evidence().toString());
    }

    @Test
    void aResolverFailingIsReportedAsAFailedLookup() {
        dns.servfail("broken.example.test");
        TriageReport r = triageInLab(523, "broken.example.test");
        assertEquals("dns-lookup-failed", r.topCause().id());
        assertTrue(r.topCause().evidence().get(0).contains("SERVFAIL"), r.topCause().evidence().toString());
    }

    @Test
    void aCnameLoopIsReportedAsAFailedLookupNamingTheChain() {
        dns.cname("a.example.test", "b.example.test").cname("b.example.test", "a.example.test");
        TriageReport r = triageInLab(523, "a.example.test");
        assertEquals("dns-lookup-failed", r.topCause().id());
        assertTrue(r.topCause().evidence().get(0).contains("b.example.test"), r.topCause().evidence().toString());
    }

    @Test
    void aNameWithoutAddressRecordsIsReportedAsHavingNoAddress() {
        dns.ns("bare.example.test", "ns1.example.test");
        assertEquals("dns-no-address", triageInLab(523, "bare.example.test").topCause().id());
    }

    @Test
    void aDeadResolverEndsWithinTheBudgetAsAFinding() {
        dns.silent("slow.example.test");
        TriageReport r = triageInLab(523, "slow.example.test");
        assertEquals("dns-lookup-failed", r.topCause().id());
        ProbeResult lookup = r.probes().stream().filter(p -> p.name().equals("dns")).findFirst().orElseThrow();
        assertEquals(ProbeStatus.FAIL, lookup.status(), "the lookup's timeout is a fact it handed in by the deadline: " + lookup);
        assertEquals(DnsOutcome.TIMEOUT, lookup.facts(DnsFacts.class).outcome());
    }

    @Test
    void aPrivateOriginAddressIsReportedAndNeverProbed() {
        dns.a("intranet.example.test", "10.20.30.40");
        TriageReport r = triageInLab(523, "intranet.example.test");
        assertEquals("dns-private-address", r.topCause().id());
        assertTrue(r.topCause().evidence().get(0).contains("10.20.30.40"));
        ProbeResult origin = r.probes().stream().filter(p -> p.target().equals("10.20.30.40")).findFirst().orElseThrow();
        assertEquals(ProbeStatus.BLOCKED, origin.status());
        assertTrue(r.probes().stream().noneMatch(p -> p.target().startsWith("10.20.30.40:")), "no probe was planned");
    }

    @Test
    void aNameResolvingToLoopbackMakesNoConnection() throws Exception {
        InetAddress address = LoopbackAddresses.next();
        try (FaultServer origin = FaultServer.start(address, 8080, Behaviour.OK)) {
            dns.a("sneaky.example.test", address.getHostAddress());
            TriageReport r = triageInProduction(521, "sneaky.example.test");
            assertEquals(0, origin.accepted(), "the loopback origin must not be contacted");
            assertTrue(r.probes().stream().anyMatch(p -> p.status() == ProbeStatus.BLOCKED));
            assertEquals("dns-private-address", r.topCause().id());
        }
    }

    @Test
    void anOriginGivenAsADecimalLoopbackAddressMakesNoConnection() throws Exception {
        InetAddress address = LoopbackAddresses.next();
        byte[] b = address.getAddress();
        long decimal = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
        try (FaultServer origin = FaultServer.start(address, 8080, Behaviour.OK)) {
            TriageReport r = triageInProduction(521, "shop.example.test origin=" + decimal);
            assertEquals(0, origin.accepted());
            assertTrue(r.probes().stream().anyMatch(p -> p.status() == ProbeStatus.BLOCKED
                    && p.target().equals(address.getHostAddress())), r.probes().toString());
        }
    }
}
