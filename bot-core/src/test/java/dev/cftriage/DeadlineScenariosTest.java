package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TlsFixtures;
import java.net.InetAddress;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * The deadline never costs a fact: a probe still waiting when the triage's budget runs out reports the phase it
 * reached and how long it waited, so the diagnosis is the same on every run, however loaded the machine.
 */
class DeadlineScenariosTest {
    /** Short, so that twenty runs stay quick, yet long enough for a cold JVM's first TLS handshake on a loaded machine. */
    private static final Duration BUDGET = Duration.ofMillis(1000);
    private static final int RUNS = 20;

    @Test
    void a524WhoseHttpsOriginShakesHandsAndNeverAnswersIsNamedSlowInEveryOneOfTwentyRuns() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        String host = origin.getHostAddress();
        try (MockWebServer https = TlsFixtures.https(origin, 8443, TlsFixtures.leaf(host, TlsFixtures.root()));
             FaultServer http = FaultServer.redirecting(origin, 8080, "https://" + host + ":8443/")) {
            https.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
                }
            });
            for (int run = 1; run <= RUNS; run++) {
                try (CfTriage engine = CfTriage.create(Engines.loopbackLab(BUDGET))) {
                    TriageReport r = engine.run(TriageRequest.of(524, host));

                    assertEquals("origin-slow", r.topCause().id(), "run " + run + ": " + r.causes() + "\n" + r.probes());
                    ProbeResult silent = r.probes().stream()
                            .filter(p -> p.name().equals("origin-http") && p.target().endsWith(":8443"))
                            .findFirst().orElseThrow(() -> new AssertionError("no HTTPS probe in " + r.probes()));
                    HttpFacts facts = silent.facts(HttpFacts.class);
                    assertNotNull(facts, "run " + run + ": the probe's facts outlived the deadline: " + silent);
                    assertEquals(HttpOutcome.NO_RESPONSE, facts.outcome(), "run " + run + ": " + silent);
                    assertTrue(facts.detail().matches("no response within \\d+\\.\\d s after the TLS handshake"),
                            "run " + run + ": " + facts.detail());
                    assertTrue(facts.phases().tlsMs() != null, "the handshake's time is kept: " + facts.phases());
                }
            }
            assertTrue(https.getRequestCount() >= RUNS, "every run's request came over TLS: " + https.getRequestCount());
        }
    }
}
