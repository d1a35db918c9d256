package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.ClientCertificateServer;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.Lab;
import dev.cftriage.testing.Scenario;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault classes of issue 12 end to end on loopback, several variants each ({@link FaultClassScenarios}): the
 * right cause comes first, with evidence naming what was seen — plus the near misses that must not be named.
 */
class FaultClassScenariosTest {

    private static void ranksFirst(Scenario scenario) throws Exception {
        TriageReport report = scenario.run();
        assertEquals(scenario.expected(), Scenario.top(report), scenario.sentence() + ": " + report.causes());
        scenario.check().verify(report);
    }

    static List<Scenario> addressFamilies() {
        return FaultClassScenarios.addressFamilies();
    }

    static List<Scenario> edgeCodes() {
        return FaultClassScenarios.edgeCodes();
    }

    static List<Scenario> sslModeFromPorts() {
        return FaultClassScenarios.sslModeFromPorts();
    }

    static List<Scenario> originProxies() {
        return FaultClassScenarios.originProxies();
    }

    static List<Scenario> clientCertificates() {
        return FaultClassScenarios.clientCertificates();
    }

    static List<Scenario> dnssec() {
        return FaultClassScenarios.dnssec();
    }

    static List<Scenario> headerSizes() {
        return FaultClassScenarios.headerSizes();
    }

    static List<Scenario> liveCode() {
        return FaultClassScenarios.liveCode();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressFamilies")
    void theFamilyThatFailsIsNamedBesideTheOneThatWorks(Scenario scenario) throws Exception {
        ranksFirst(scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCodes")
    void theEdgesOwnErrorCodeConfirmsItsCause(Scenario scenario) throws Exception {
        ranksFirst(scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sslModeFromPorts")
    void onePortDeadAndTheOtherHealthyNamesTheModeToPick(Scenario scenario) throws Exception {
        ranksFirst(scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("originProxies")
    void aProxysOwnGatewayErrorIsToldApartFromTheApplications(Scenario scenario) throws Exception {
        ranksFirst(scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientCertificates")
    void anOriginDemandingAClientCertificateIsAuthenticatedOriginPulls(Scenario scenario) throws Exception {
        ranksFirst(scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dnssec")
    void aServfailThatResolvesWithCheckingDisabledIsBrokenDnssec(Scenario scenario) throws Exception {
        ranksFirst(scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSizes")
    void headersNearOrOverTheLimitAreMeasuredAgainstIt(Scenario scenario) throws Exception {
        ranksFirst(scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("liveCode")
    void theDiagnosisFollowsTheLiveCode(Scenario scenario) throws Exception {
        ranksFirst(scenario);
    }

    @Test
    void anOriginThatOnlyAsksForAClientCertificateIsNotNamed() throws Exception {
        try (Lab lab = new Lab()) {
            InetAddress origin = lab.address();
            ClientCertificateServer server = lab.keep(ClientCertificateServer.start(origin, 8443, "shop.example.test",
                    "TLSv1.3", false));
            lab.dns().a("shop.example.test", origin.getHostAddress());
            TriageReport r = lab.ports(8443).triage(525, "shop.example.test");
            assertTrue(server.handshakes() >= 1, "the handshakes completed without a certificate");
            assertTrue(r.causes().stream().noneMatch(c -> c.id().equals("origin-client-cert-required") && c.verified()),
                    r.causes().toString());
        }
    }

    @Test
    void headersWellWithinTheLimitsRuleOversizedHeadersOut() throws Exception {
        try (Lab lab = new Lab()) {
            InetAddress origin = lab.address();
            lab.keep(FaultServer.answering(origin, 8080, FaultClassScenarios.answerWithHeaders(8, 1000)));
            TriageReport r = lab.ports(8080).triage(520, origin.getHostAddress());
            assertTrue(r.causes().stream().noneMatch(c -> c.id().equals("origin-oversized-headers")), r.causes().toString());
        }
    }
}
