package dev.cftriage.internal.origin;

import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TlsOutcome;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.ScriptedPeer;
import dev.cftriage.testing.VettedLoopback;
import dev.cftriage.testing.TlsFixtures;

import static dev.cftriage.testing.TlsFixtures.HOST;
import static dev.cftriage.testing.Deadlines.budget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.net.VettedAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginTlsProbeTest {
    private static final OriginTrust DEFAULT_TRUST = OriginTrust.create(null);

    @TempDir
    Path dir;

    private final VettedAddress address = VettedLoopback.next();

    @Test
    void chainToAnExtraCaIsTrustedAndValidForStrict() throws Exception {
        HeldCertificate root = TlsFixtures.root();
        HeldCertificate intermediate = TlsFixtures.intermediate(root);
        HeldCertificate leaf = TlsFixtures.leaf(HOST, intermediate);
        try (MockWebServer server = TlsFixtures.https(address.address(), 8443, leaf, intermediate.certificate())) {
            TlsFacts facts = probe(8443, HOST, OriginTrust.create(TlsFixtures.pemFile(dir, root)), Clock.systemUTC())
                    .run(budget(3000));

            assertEquals(TlsOutcome.COMPLETED, facts.outcome(), facts.summary());
            assertTrue(facts.validForStrict(), facts.summary());
            assertEquals(Boolean.TRUE, facts.trusted());
            assertNull(facts.trustProblem());
            assertEquals(Boolean.FALSE, facts.selfSigned());
            assertEquals(Boolean.FALSE, facts.expired());
            assertEquals(Boolean.TRUE, facts.hostnameMatches());
            assertFalse(facts.originCa());
            assertEquals(2, facts.chain().size());
            assertEquals("CN=" + HOST, facts.chain().get(0).subject());
            assertEquals(java.util.List.of(HOST), facts.chain().get(0).dnsNames());
            assertTrue(facts.chain().get(0).sha256().matches("[0-9a-f]{64}"));
            assertEquals(leaf.certificate().getNotAfter().toInstant(), facts.notAfter());
            assertEquals("TLSv1.3", facts.protocol());
            assertNotNull(facts.cipher());
            assertEquals("h2", facts.alpn());
            assertNotNull(facts.handshakeMs());
            assertEquals(ProbeStatus.OK, facts.verdict());
        }
    }

    @Test
    void chainToAnUnknownCaIsUntrustedNamingTheIssuer() throws Exception {
        HeldCertificate root = TlsFixtures.root();
        HeldCertificate intermediate = TlsFixtures.intermediate(root);
        try (MockWebServer server = TlsFixtures.https(address.address(), 8443, TlsFixtures.leaf(HOST, intermediate),
                intermediate.certificate())) {
            TlsFacts facts = probe(8443, HOST, DEFAULT_TRUST, Clock.systemUTC()).run(budget(3000));

            assertEquals(TlsOutcome.COMPLETED, facts.outcome());
            assertEquals(Boolean.FALSE, facts.trusted());
            assertEquals("unknown issuer CN=cf-triage test root", facts.trustProblem());
            assertEquals(Boolean.FALSE, facts.selfSigned());
            assertEquals(ProbeStatus.FAIL, facts.verdict());
        }
    }

    @Test
    void selfSignedCertificateIsToldApartFromAnUnknownCa() throws Exception {
        HeldCertificate self = new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST).build();
        try (MockWebServer server = TlsFixtures.https(address.address(), 2053, self)) {
            TlsFacts facts = probe(2053, HOST, DEFAULT_TRUST, Clock.systemUTC()).run(budget(3000));

            assertEquals(TlsOutcome.COMPLETED, facts.outcome());
            assertEquals(Boolean.TRUE, facts.selfSigned());
            assertTrue(facts.chain().get(0).selfSigned());
            assertEquals(Boolean.FALSE, facts.trusted());
            assertEquals("self-signed CN=" + HOST, facts.trustProblem());
            assertEquals(Boolean.TRUE, facts.hostnameMatches());
            assertTrue(facts.summary().contains("self-signed"), facts.summary());
        }
    }

    @Test
    void expiredLeafIsReportedAsExpiredNotAsUntrusted() throws Exception {
        HeldCertificate root = new HeldCertificate.Builder().commonName("cf-triage test root").certificateAuthority(0).build();
        long now = System.currentTimeMillis();
        HeldCertificate leaf = new HeldCertificate.Builder().commonName(HOST).addSubjectAlternativeName(HOST).signedBy(root)
                .validityInterval(now - TimeUnit.DAYS.toMillis(90), now - TimeUnit.DAYS.toMillis(1)).build();
        try (MockWebServer server = TlsFixtures.https(address.address(), 8443, leaf)) {
            TlsFacts facts = probe(8443, HOST, OriginTrust.create(TlsFixtures.pemFile(dir, root)), Clock.systemUTC())
                    .run(budget(3000));

            assertEquals(TlsOutcome.COMPLETED, facts.outcome());
            assertEquals(Boolean.TRUE, facts.expired());
            assertEquals(Boolean.FALSE, facts.notYetValid());
            assertEquals(Boolean.TRUE, facts.trusted(), facts.trustProblem());
            assertEquals(leaf.certificate().getNotAfter().toInstant(), facts.notAfter());
            assertFalse(facts.validForStrict());
            assertTrue(facts.summary().contains("expired"), facts.summary());
        }
    }

    @Test
    void leafDatesAreJudgedAgainstTheGivenClock() throws Exception {
        HeldCertificate root = TlsFixtures.root();
        HeldCertificate leaf = TlsFixtures.leaf(HOST, root);
        Instant notBefore = leaf.certificate().getNotBefore().toInstant();
        Instant notAfter = leaf.certificate().getNotAfter().toInstant();
        OriginTrust trust = OriginTrust.create(TlsFixtures.pemFile(dir, root));
        try (MockWebServer server = TlsFixtures.https(address.address(), 8443, leaf)) {
            TlsFacts early = probe(8443, HOST, trust, Clock.fixed(notBefore.minusSeconds(3600), ZoneOffset.UTC)).run(budget(3000));
            TlsFacts late = probe(8443, HOST, trust, Clock.fixed(notAfter.plusSeconds(3600), ZoneOffset.UTC)).run(budget(3000));

            assertEquals(Boolean.TRUE, early.notYetValid());
            assertEquals(Boolean.FALSE, early.expired());
            assertEquals(Boolean.TRUE, early.trusted(), early.trustProblem());
            assertEquals(Boolean.TRUE, late.expired());
            assertEquals(Boolean.FALSE, late.notYetValid());
            assertEquals(Boolean.TRUE, late.trusted(), late.trustProblem());
        }
    }

    @Test
    void certificateForAnotherNameDoesNotMatch() throws Exception {
        HeldCertificate root = TlsFixtures.root();
        try (MockWebServer server = TlsFixtures.https(address.address(), 8443, TlsFixtures.leaf("other.example", root))) {
            TlsFacts facts = probe(8443, HOST, OriginTrust.create(TlsFixtures.pemFile(dir, root)), Clock.systemUTC())
                    .run(budget(3000));

            assertEquals(Boolean.FALSE, facts.hostnameMatches());
            assertEquals(Boolean.TRUE, facts.trusted());
            assertFalse(facts.validForStrict());
            assertTrue(facts.summary().contains("does not cover " + HOST), facts.summary());
        }
    }

    @Test
    void plainHttpOnTheTlsPortIsNotTls() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.start(address.address(), 8443, ScriptedPeer.PLAIN_HTTP)) {
            TlsFacts facts = probe(8443, HOST, DEFAULT_TRUST, Clock.systemUTC()).run(budget(3000));

            assertEquals(TlsOutcome.NOT_TLS, facts.outcome(), facts.detail());
            assertTrue(facts.chain().isEmpty());
            assertNull(facts.trusted());
        }
    }

    @Test
    void peerThatNeverAnswersTheClientHelloStallsWithinTheDeadline() throws Exception {
        assertEquals(TlsOutcome.STALLED, outcomeAgainst(ScriptedPeer.SILENT, 700));
    }

    @Test
    void peerDribblingTheHandshakeIsCutOffAtTheDeadline() throws Exception {
        assertEquals(TlsOutcome.STALLED, outcomeAgainst(ScriptedPeer.DRIBBLING_HANDSHAKE, 1000));
    }

    @Test
    void peerClosingDuringTheHandshakeIsClosed() throws Exception {
        assertEquals(TlsOutcome.CLOSED, outcomeAgainst(ScriptedPeer.CLOSE_AFTER_FIRST_BYTES, 3000));
    }

    @Test
    void handshakeFailureAlertIsFailed() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.start(address.address(), 8443, ScriptedPeer.HANDSHAKE_FAILURE_ALERT)) {
            TlsFacts facts = probe(8443, HOST, DEFAULT_TRUST, Clock.systemUTC()).run(budget(3000));

            assertEquals(TlsOutcome.FAILED, facts.outcome(), facts.detail());
            assertTrue(facts.detail().contains("handshake_failure"), facts.detail());
        }
    }

    @Test
    void nothingListeningIsNoConnection() throws Exception {
        TlsFacts facts = probe(8443, HOST, DEFAULT_TRUST, Clock.systemUTC()).run(budget(3000));

        assertEquals(TlsOutcome.NO_CONNECTION, facts.outcome());
        assertNull(facts.handshakeMs());
        assertEquals(ProbeStatus.FAIL, facts.verdict());
    }

    @Test
    void portCloudflareDoesNotProxyIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new OriginTlsProbe(address, 4443, HOST, DEFAULT_TRUST, Clock.systemUTC()));
    }

    private OriginTlsProbe probe(int port, String sni, OriginTrust trust, Clock clock) {
        return new OriginTlsProbe(address, port, sni, trust, clock);
    }

    /** How the handshake with a peer playing the script ended, under a budget of {@code budgetMillis}. */
    private TlsOutcome outcomeAgainst(ScriptedPeer.Script script, long budgetMillis) throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.start(address.address(), 8443, script)) {
            TlsFacts facts = Deadlines.runUnder(budgetMillis, probe(8443, HOST, DEFAULT_TRUST, Clock.systemUTC())::run);
            return facts.outcome();
        }
    }
}
