package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.report.ReportJson;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.TestDnsServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A target typed as a command's target that the address policy refuses — loopback, unspecified, documentation
 * range, however it is spelled — is kept as the target and reported as a {@code blocked} probe with the reason,
 * never dropped as "no host or origin to probe". Production settings (nothing opted in); nothing connects.
 */
class RefusedTargetsScenariosTest {
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

    private TriageReport triageInProduction(TriageRequest request) {
        TriageConfig production = TriageConfig.defaults().toBuilder().ports(List.of(8080)).timeout(BUDGET)
                .resolvers(List.of(dns.address())).build();
        try (CfTriage engine = CfTriage.create(production)) {
            return engine.run(request);
        }
    }

    private static void assertBlockedBecause(TriageReport r, String address, String category) {
        List<ProbeResult> blocked = r.probes().stream().filter(p -> p.status() == ProbeStatus.BLOCKED).toList();
        assertEquals(1, blocked.size(), "one blocked probe in " + r.probes());
        assertEquals(address, blocked.get(0).target());
        assertTrue(blocked.get(0).reason().contains(address + " is a " + category + " address"), blocked.get(0).reason());
        assertTrue(r.probes().stream().noneMatch(p -> p.facts() != null), "nothing was probed: " + r.probes());
        assertTrue(r.notes().stream().noneMatch(n -> n.startsWith("no host or origin to probe")), r.notes()::toString);
        assertTrue(ReportJson.write(r).contains("\"status\" : \"blocked\""), "the JSON report says blocked");
    }

    @ParameterizedTest(name = "/cf521 {0} is blocked as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            localhost            | 127.0.0.1   | loopback
            LOCALHOST.           | 127.0.0.1   | loopback
            127.1                | 127.0.0.1   | loopback
            2130706433           | 127.0.0.1   | loopback
            0x7f000001           | 127.0.0.1   | loopback
            [::]                 | ::          | unspecified
            0.0.0.0              | 0.0.0.0     | unspecified
            [2001:db8::1]:8443   | 2001:db8::1 | documentation
            [2001:db8::1]        | 2001:db8::1 | documentation
            """)
    void aRefusedTargetTypedAloneIsReportedBlockedWithTheReason(String typed, String address, String category) {
        assertBlockedBecause(triageInProduction(TriageRequest.of(521, typed)), address, category);
    }

    @ParameterizedTest(name = "\"{0}\" is blocked as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            523 localhost                   | 127.0.0.1   | loopback
            523 127.1 please                | 127.0.0.1   | loopback
            check 2130706433 523            | 127.0.0.1   | loopback
            523 [2001:db8::1]:8443          | 2001:db8::1 | documentation
            523 origin=[::1]:443            | ::1         | loopback
            521 origin=[::1]                | ::1         | loopback
            """)
    void aRefusedTargetInAShortCommandIsReportedBlockedWithTheReason(String command, String address, String category) {
        assertBlockedBecause(triageInProduction(TriageRequest.of(command)), address, category);
    }

    @ParameterizedTest(name = "--origin {0} is read with its port and blocked as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            [::1]:443            | ::1         | loopback
            127.0.0.1:8080       | 127.0.0.1   | loopback
            """)
    void anOriginGivenBesideTheTextMayCarryAPort(String origin, String address, String category) {
        assertBlockedBecause(triageInProduction(new TriageRequest("", 521, List.of(origin))), address, category);
    }
}
