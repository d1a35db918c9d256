package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.evidence.HttpFacts;
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
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine with production settings (nothing opted in; port 8080 only so that a test can listen) never connects
 * to a loopback, private or metadata address, however it is spelled and whether it comes as the host or as
 * {@code origin=}. Where the spelling denotes a loopback address a fault server listens there and must see no
 * connection; for addresses nothing can listen on, no probe may target them. A redirect is never followed.
 */
class SsrfSpellingsScenariosTest {
    private static final Duration BUDGET = Duration.ofMillis(1000);
    private TestDnsServer dns;

    @BeforeEach
    void startDns() {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stopDns() {
        dns.close();
    }

    /** A way to write a 127.x.y.z address, as a host or {@code origin=} value. */
    private record Spelling(String name, Function<byte[], String> write) {
        String of(InetAddress address) {
            return write.apply(address.getAddress());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static int octet(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static Stream<Spelling> loopbackSpellings() {
        return Stream.of(
                new Spelling("dotted", b -> octet(b, 0) + "." + octet(b, 1) + "." + octet(b, 2) + "." + octet(b, 3)),
                new Spelling("decimal", b -> Long.toString(((long) octet(b, 0) << 24) | (octet(b, 1) << 16)
                        | (octet(b, 2) << 8) | octet(b, 3))),
                new Spelling("octal", b -> "0" + Integer.toOctalString(octet(b, 0)) + ".0" + Integer.toOctalString(octet(b, 1))
                        + ".0" + Integer.toOctalString(octet(b, 2)) + ".0" + Integer.toOctalString(octet(b, 3))),
                new Spelling("dotted hex", b -> "0x" + Integer.toHexString(octet(b, 0)) + ".0x"
                        + Integer.toHexString(octet(b, 1)) + ".0x" + Integer.toHexString(octet(b, 2)) + ".0x"
                        + Integer.toHexString(octet(b, 3))),
                new Spelling("hex", b -> "0x" + HexFormat.of().formatHex(b)),
                new Spelling("short a.b.c", b -> octet(b, 0) + "." + octet(b, 1) + "." + (octet(b, 2) * 256 + octet(b, 3))),
                new Spelling("short a.b", b -> octet(b, 0) + "." + ((octet(b, 1) << 16) | (octet(b, 2) << 8) | octet(b, 3))),
                new Spelling("IPv4-mapped", b -> "[::ffff:" + octet(b, 0) + "." + octet(b, 1) + "." + octet(b, 2) + "."
                        + octet(b, 3) + "]"),
                new Spelling("IPv4-mapped hex", b -> "[::FFFF:" + HexFormat.of().formatHex(b, 0, 2) + ":"
                        + HexFormat.of().formatHex(b, 2, 4) + "]"),
                new Spelling("NAT64", b -> "[64:ff9b::" + octet(b, 0) + "." + octet(b, 1) + "." + octet(b, 2) + "."
                        + octet(b, 3) + "]"));
    }

    /** Addresses no test can listen on: the metadata service, link-local with a zone, unspecified, ::1 (shared). */
    static Stream<Arguments> unlistenableAddresses() {
        return Stream.of(
                Arguments.of("169.254.169.254", "169.254.169.254"),
                Arguments.of("0xa9fea9fe", "169.254.169.254"),
                Arguments.of("[::ffff:169.254.169.254]", "169.254.169.254"),
                Arguments.of("[fe80::1%eth0]", "fe80::1"),
                Arguments.of("0.0.0.0", "0.0.0.0"),
                Arguments.of("[::1]", "::1"),
                Arguments.of("10.1", "10.0.0.1"),
                Arguments.of("0300.0250.1.1", "192.168.1.1"));
    }

    private TriageReport triageInProduction(int code, String text) {
        TriageConfig production = TriageConfig.builder().ports(List.of(8080)).timeout(BUDGET)
                .resolvers(List.of(dns.address())).build();
        try (CfTriage engine = CfTriage.create(production)) {
            return engine.run(TriageRequest.of(code, text));
        }
    }

    /** The canonical address the engine judged, as the blocked result names it. */
    private static void assertBlockedAndNeverProbed(TriageReport r, List<String> canonical) {
        List<ProbeResult> blocked = r.probes().stream()
                .filter(p -> p.status() == ProbeStatus.BLOCKED && canonical.contains(p.target())).toList();
        assertEquals(1, blocked.size(), "one blocked result for " + canonical + " in " + r.probes());
        assertTrue(blocked.get(0).reason() != null && !blocked.get(0).reason().isBlank());
        assertTrue(r.probes().stream().noneMatch(p -> p.facts() != null && p.name().startsWith("origin")),
                "no origin probe ran: " + r.probes());
        assertTrue(r.probes().stream().noneMatch(p -> canonical.stream().anyMatch(c -> p.target().startsWith(c + ":")
                || p.target().startsWith("[" + c + "]:"))), "no probe targets the address: " + r.probes());
    }

    private static List<String> canonicalForms(InetAddress loopback) {
        String v4 = loopback.getHostAddress();
        byte[] b = loopback.getAddress();
        return List.of(v4, "::ffff:" + HexFormat.of().formatHex(b, 0, 2).replaceFirst("^0+(?=.)", "") + ":"
                + HexFormat.of().formatHex(b, 2, 4).replaceFirst("^0+(?=.)", ""), "64:ff9b::"
                + HexFormat.of().formatHex(b, 0, 2).replaceFirst("^0+(?=.)", "") + ":"
                + HexFormat.of().formatHex(b, 2, 4).replaceFirst("^0+(?=.)", ""));
    }

    @ParameterizedTest(name = "a {0} loopback host makes no connection")
    @MethodSource("loopbackSpellings")
    void aLoopbackHostInAnySpellingMakesNoConnection(Spelling spelling) throws Exception {
        InetAddress address = LoopbackAddresses.next();
        try (FaultServer origin = FaultServer.start(address, 8080, Behaviour.OK)) {
            TriageReport r = triageInProduction(521, "http://" + spelling.of(address) + ":8080/");
            assertEquals(0, origin.accepted(), "the loopback origin must not be contacted");
            assertBlockedAndNeverProbed(r, canonicalForms(address));
        }
    }

    @ParameterizedTest(name = "a bare {0} loopback address makes no connection")
    @MethodSource("loopbackSpellings")
    void aBareLoopbackAddressInAnySpellingMakesNoConnection(Spelling spelling) throws Exception {
        InetAddress address = LoopbackAddresses.next();
        try (FaultServer origin = FaultServer.start(address, 8080, Behaviour.OK)) {
            TriageReport r = triageInProduction(521, spelling.of(address));
            assertEquals(0, origin.accepted(), "the loopback origin must not be contacted");
            assertTrue(r.probes().stream().noneMatch(p -> p.facts() != null && p.name().startsWith("origin")),
                    "no origin probe ran: " + r.probes());
        }
    }

    @ParameterizedTest(name = "a {0} loopback origin= makes no connection")
    @MethodSource("loopbackSpellings")
    void aLoopbackOriginInAnySpellingMakesNoConnection(Spelling spelling) throws Exception {
        InetAddress address = LoopbackAddresses.next();
        try (FaultServer origin = FaultServer.start(address, 8080, Behaviour.OK)) {
            TriageReport r = triageInProduction(521, "shop.example.test origin=" + spelling.of(address));
            assertEquals(0, origin.accepted(), "the loopback origin must not be contacted");
            assertBlockedAndNeverProbed(r, canonicalForms(address));
        }
    }

    @Test
    void aNameResolvingToLoopbackGivenAsOriginMakesNoConnection() throws Exception {
        InetAddress address = LoopbackAddresses.next();
        try (FaultServer origin = FaultServer.start(address, 8080, Behaviour.OK)) {
            dns.a("origin.example.test", address.getHostAddress());
            TriageReport r = triageInProduction(521, "shop.example.test origin=origin.example.test");
            assertEquals(0, origin.accepted());
            assertBlockedAndNeverProbed(r, List.of(address.getHostAddress()));
        }
    }

    @ParameterizedTest(name = "{0} as the host is blocked and never probed")
    @MethodSource("unlistenableAddresses")
    void anUnlistenableNonPublicHostIsBlockedAndNeverProbed(String spelling, String canonical) {
        assertBlockedAndNeverProbed(triageInProduction(521, "https://" + spelling + "/"), List.of(canonical));
    }

    @ParameterizedTest(name = "{0} as origin= is blocked and never probed")
    @MethodSource("unlistenableAddresses")
    void anUnlistenableNonPublicOriginIsBlockedAndNeverProbed(String spelling, String canonical) {
        assertBlockedAndNeverProbed(triageInProduction(521, "shop.example.test origin=" + spelling), List.of(canonical));
    }

    @Test
    void aRedirectToAnotherAddressIsNeverFollowed() throws Exception {
        InetAddress allowed = LoopbackAddresses.next();
        InetAddress elsewhere = LoopbackAddresses.next();
        try (FaultServer target = FaultServer.start(elsewhere, 8080, Behaviour.OK);
             FaultServer redirecting = FaultServer.redirecting(allowed, 8080,
                     "http://" + elsewhere.getHostAddress() + ":8080/");
             CfTriage engine = CfTriage.create(Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8080)).build())) {
            TriageReport r = engine.run(TriageRequest.of(521, allowed.getHostAddress()));
            assertTrue(redirecting.accepted() >= 1, "the allowed origin was probed");
            assertEquals(0, target.accepted(), "the redirect's Location was not followed");
            HttpFacts http = r.probes().stream().map(p -> p.facts(HttpFacts.class)).filter(f -> f != null)
                    .findFirst().orElseThrow();
            assertEquals(302, http.status());
            assertEquals("http://" + elsewhere.getHostAddress() + ":8080/", http.headers().get("location"));
        }
    }
}
