package dev.cftriage.internal.dns;

import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.DnsOutcome;
import dev.cftriage.internal.evidence.Deadline;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.testing.ManualTicker;
import dev.cftriage.internal.evidence.ProbeStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.CidrSet;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.testing.TestDnsServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DnsProbeTest {
    private static final AddressPolicy POLICY = AddressPolicy.create(CidrSet.builtInCloudflareRanges(), CidrSet.empty());

    private TestDnsServer dns;

    @BeforeEach
    void startServer() {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stopServer() {
        dns.close();
    }

    @Test
    void hostWithAAndAaaaRecordsIsAnsweredWithBothClassified() throws Exception {
        dns.a("www.example.test", "104.16.1.1").aaaa("www.example.test", "2606:4700::1111");

        DnsFacts facts = probe("www.example.test");

        assertEquals(DnsOutcome.ANSWERED, facts.outcome());
        assertEquals(List.of("104.16.1.1", "2606:4700::1111"), texts(facts.addresses()));
        assertTrue(facts.addresses().stream().allMatch(a -> a.category() == AddressCategory.CLOUDFLARE && a.allowed()));
        assertEquals(List.of(4, 6), facts.addresses().stream().map(ClassifiedAddress::family).toList());
        assertTrue(facts.behindCloudflare());
        assertEquals(ProbeStatus.OK, facts.verdict());
        assertEquals(List.of(dns.address()), facts.resolvers());
        assertEquals(List.of(), facts.cnameChain());
    }

    @Test
    void cnameChainIsRecordedInOrder() throws Exception {
        dns.cname("www.shop.test", "shop.test.cdn.test")
                .cname("shop.test.cdn.test", "edge.cdn.test")
                .a("edge.cdn.test", "198.41.200.7");

        DnsFacts facts = probe("www.shop.test");

        assertEquals(DnsOutcome.ANSWERED, facts.outcome());
        assertEquals(List.of("shop.test.cdn.test", "edge.cdn.test"), facts.cnameChain());
        assertEquals(List.of("198.41.200.7"), texts(facts.addresses()));
    }

    @Test
    void answerTooLargeForADatagramArrivesOverTcp() throws Exception {
        for (int i = 1; i <= 120; i++) {
            dns.a("many.example.test", "198.41.200." + i);
        }

        DnsFacts facts = probe("many.example.test");

        assertEquals(DnsOutcome.ANSWERED, facts.outcome());
        assertEquals(120, facts.addresses().size());
    }

    @Test
    void cnameLoopIsReportedWithTheChainThatLoops() throws Exception {
        dns.cname("a.loop.test", "b.loop.test").cname("b.loop.test", "a.loop.test");

        DnsFacts facts = probe("a.loop.test");

        assertEquals(DnsOutcome.CNAME_LOOP, facts.outcome());
        assertEquals(List.of("b.loop.test", "a.loop.test"), facts.cnameChain());
        assertEquals(ProbeStatus.FAIL, facts.verdict());
        assertTrue(facts.summary().contains("b.loop.test → a.loop.test"), facts.summary());
    }

    @Test
    void overlongCnameChainEndsAsAnErrorWithDetail() throws Exception {
        for (int i = 0; i < 20; i++) {
            dns.cname("hop" + i + ".chain.test", "hop" + (i + 1) + ".chain.test");
        }
        dns.a("hop20.chain.test", "198.41.200.7");

        DnsFacts facts = probe("hop0.chain.test");

        assertEquals(DnsOutcome.ERROR, facts.outcome());
        assertTrue(facts.detail().contains("longer than"), facts.detail());
    }

    @Test
    void unknownNameIsNxdomain() throws Exception {
        DnsFacts facts = probe("nothing-here.example.test");

        assertEquals(DnsOutcome.NXDOMAIN, facts.outcome());
        assertEquals(List.of(), facts.addresses());
        assertEquals(ProbeStatus.FAIL, facts.verdict());
    }

    @Test
    void danglingCnameIsNxdomainWithTheChainToTheMissingTarget() throws Exception {
        dns.cname("www.dangling.test", "old-app.paas.test").a("other.paas.test", "198.41.200.7");

        DnsFacts facts = probe("www.dangling.test");

        assertEquals(DnsOutcome.NXDOMAIN, facts.outcome());
        assertEquals(List.of("old-app.paas.test"), facts.cnameChain());
        assertTrue(facts.detail().contains("old-app.paas.test"), facts.detail());
    }

    @Test
    void failingResolverIsServfail() throws Exception {
        dns.a("broken.example.test", "198.41.200.7").servfail("broken.example.test");

        assertEquals(DnsOutcome.SERVFAIL, probe("broken.example.test").outcome());
    }

    @Test
    void refusingResolverIsRefused() throws Exception {
        dns.a("private.example.test", "198.41.200.7").refused("private.example.test");

        DnsFacts facts = probe("private.example.test");

        assertEquals(DnsOutcome.REFUSED, facts.outcome());
        assertTrue(facts.summary().contains("REFUSED"), facts.summary());
    }

    @Test
    void nameWithoutAddressRecordsIsNoAddress() throws Exception {
        dns.ns("example.test", "ns1.example.test");

        DnsFacts facts = probe("example.test");

        assertEquals(DnsOutcome.NO_ADDRESS, facts.outcome());
        assertEquals(List.of(), facts.addresses());
        assertEquals(List.of("ns1.example.test"), facts.nameservers());
    }

    @Test
    void nameserversAreFoundAtTheParentZone() throws Exception {
        dns.ns("example.test", "ns2.dns-host.test")
                .ns("example.test", "ns1.dns-host.test")
                .a("www.example.test", "198.41.200.7");

        DnsFacts facts = probe("www.example.test");

        assertEquals(List.of("ns1.dns-host.test", "ns2.dns-host.test"), facts.nameservers());
    }

    @Test
    void silentResolverEndsAsTimeoutBeforeTheDeadline() throws Exception {
        dns.silent("slow.example.test");
        Duration budget = Duration.ofMillis(1_500);

        DnsFacts facts = probe("slow.example.test", DnsResolvers.parse(List.of(dns.address())), POLICY, budget);

        assertEquals(DnsOutcome.TIMEOUT, facts.outcome());
        assertTrue(dns.queries() > 0);
        assertNotNull(facts.detail());
    }

    @Test
    void resolverPortWhereNothingListensEndsAsTimeoutNotACrash() throws Exception {
        int port;
        try (DatagramSocket closed = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = closed.getLocalPort();
        }
        Duration budget = Duration.ofMillis(1_500);

        DnsFacts facts = probe("www.example.test", DnsResolvers.parse(List.of("127.0.0.1:" + port)), POLICY, budget);

        assertEquals(DnsOutcome.TIMEOUT, facts.outcome(), facts.detail());
    }

    @Test
    void expiredBudgetAsksNothingAndEndsAsTimeout() throws Exception {
        dns.a("www.example.test", "198.41.200.7");

        DnsFacts facts = new DnsProbe("www.example.test", DnsResolvers.parse(List.of(dns.address())), POLICY)
                .run(new ProbeContext(Deadline.after(Duration.ZERO, new ManualTicker())));

        assertEquals(DnsOutcome.TIMEOUT, facts.outcome());
        assertEquals(0, dns.queries());
    }

    @Test
    void nothingIsCachedBetweenRuns() throws Exception {
        dns.a("www.example.test", "198.41.200.7");
        DnsProbe probe = new DnsProbe("www.example.test", DnsResolvers.parse(List.of(dns.address())), POLICY);
        assertEquals(List.of("198.41.200.7"), texts(probe.run(ProbeContext.startingNow(Duration.ofSeconds(5))).addresses()));

        dns.servfail("www.example.test");

        assertEquals(DnsOutcome.SERVFAIL, probe.run(ProbeContext.startingNow(Duration.ofSeconds(5))).outcome());
    }

    @Test
    void privateAnswerIsClassifiedAndNotAllowed() throws Exception {
        dns.a("intranet.example.test", "10.0.0.5");

        DnsFacts facts = probe("intranet.example.test");

        ClassifiedAddress address = facts.addresses().get(0);
        assertEquals(AddressCategory.PRIVATE, address.category());
        assertFalse(address.allowed());
        assertNotNull(address.reason());
        assertEquals(ProbeStatus.FAIL, facts.verdict());
    }

    @Test
    void publicAnswerOutsideCloudflareIsPublic() throws Exception {
        dns.a("origin.example.test", "8.8.8.8");

        ClassifiedAddress address = probe("origin.example.test").addresses().get(0);

        assertEquals(AddressCategory.PUBLIC, address.category());
        assertTrue(address.allowed());
    }

    @Test
    void loopbackAnswerIsRefusedUnlessItsRangeIsAllowed() throws Exception {
        dns.a("lab.example.test", "127.0.0.1");
        DnsResolvers resolvers = DnsResolvers.parse(List.of(dns.address()));
        AddressPolicy lab = AddressPolicy.create(CidrSet.builtInCloudflareRanges(), CidrSet.parse(List.of("127.0.0.0/8")));

        ClassifiedAddress strict = probe("lab.example.test", resolvers, POLICY, Duration.ofSeconds(5)).addresses().get(0);
        ClassifiedAddress opted = probe("lab.example.test", resolvers, lab, Duration.ofSeconds(5)).addresses().get(0);

        assertEquals(AddressCategory.LOOPBACK, strict.category());
        assertFalse(strict.allowed());
        assertEquals(AddressCategory.LOOPBACK, opted.category());
        assertTrue(opted.allowed());
    }

    @Test
    void hostIsNormalisedAndNamesTheProbe() {
        DnsProbe probe = new DnsProbe("WWW.Example.TEST.", DnsResolvers.parse(List.of(dns.address())), POLICY);

        assertEquals("www.example.test", probe.target());
        assertEquals("dns", probe.kind().id());
    }

    @Test
    void ipLiteralHostIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new DnsProbe("0x7f000001", DnsResolvers.parse(List.of(dns.address())), POLICY));

        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    private DnsFacts probe(String host) throws Exception {
        return probe(host, DnsResolvers.parse(List.of(dns.address())), POLICY, Duration.ofSeconds(5));
    }

    private static DnsFacts probe(String host, DnsResolvers resolvers, AddressPolicy policy, Duration budget)
            throws Exception {
        return new DnsProbe(host, resolvers, policy).run(ProbeContext.startingNow(budget));
    }

    private static List<String> texts(List<ClassifiedAddress> addresses) {
        return addresses.stream().map(ClassifiedAddress::address).toList();
    }
}
