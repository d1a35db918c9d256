package dev.cftriage.internal.origin;

import dev.cftriage.testing.TlsFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginTrustTest {
    private static final OriginTrust DEFAULT_TRUST = OriginTrust.create(null);

    @TempDir
    Path dir;

    @Test
    void originCaRootsAreLoadedAndMarked() {
        List<X509Certificate> roots = DEFAULT_TRUST.originCaRoots();

        assertEquals(2, roots.size());
        for (X509Certificate root : roots) {
            assertTrue(root.getSubjectX500Principal().getName().contains("CloudFlare Origin SSL"), root.getSubjectX500Principal().getName());
            assertTrue(DEFAULT_TRUST.isOriginCaRoot(root));
            assertTrue(DEFAULT_TRUST.endsAtOriginCa(List.of(root)));
            assertNull(DEFAULT_TRUST.trustProblem(List.of(root), new Date()), "an Origin CA root is trusted");
        }
    }

    @Test
    void certificateFromAnotherCaIsNotMarkedOriginCa() {
        HeldCertificate root = TlsFixtures.root();
        HeldCertificate leaf = TlsFixtures.leaf("origin.example", root);

        assertFalse(DEFAULT_TRUST.isOriginCaRoot(root.certificate()));
        assertFalse(DEFAULT_TRUST.endsAtOriginCa(List.of(leaf.certificate(), root.certificate())));
    }

    @Test
    void leafSentWithoutItsIntermediateIsAnIncompleteChain() throws Exception {
        OriginTrust trust = OriginTrust.create(resource("aia-root.pem"));
        X509Certificate leaf = certificate("aia-leaf.pem");
        X509Certificate intermediate = certificate("aia-intermediate.pem");

        assertEquals("incomplete chain: the intermediate CN=cf-triage test intermediate was not sent",
                trust.trustProblem(List.of(leaf), new Date()));
        assertNull(trust.trustProblem(List.of(leaf, intermediate), new Date()), "the full chain builds");
    }

    @Test
    void intermediateSentBeforeTheLeafsOwnIssuerStillBuilds() throws Exception {
        HeldCertificate root = TlsFixtures.root();
        HeldCertificate intermediate = TlsFixtures.intermediate(root);
        HeldCertificate leaf = TlsFixtures.leaf("origin.example", intermediate);
        OriginTrust trust = OriginTrust.create(TlsFixtures.pemFile(dir, root));

        assertNull(trust.trustProblem(List.of(leaf.certificate(), root.certificate(), intermediate.certificate()), new Date()));
    }

    @Test
    void untrustedRootSentWithTheChainIsAnUnknownIssuer() {
        HeldCertificate root = TlsFixtures.root();
        HeldCertificate leaf = TlsFixtures.leaf("origin.example", root);

        assertEquals("unknown issuer CN=cf-triage test root (an untrusted root was sent)",
                DEFAULT_TRUST.trustProblem(List.of(leaf.certificate(), root.certificate()), new Date()));
    }

    @Test
    void missingCaFileIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> OriginTrust.create(dir.resolve("missing.pem")));

        assertTrue(e.getMessage().startsWith("cannot read the CA file"), e.getMessage());
    }

    @Test
    void caFileWithoutCertificateIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.pem"), "just some notes, no certificate\n");

        BadInputException e = assertThrows(BadInputException.class, () -> OriginTrust.create(file));

        assertTrue(e.getMessage().endsWith("holds no PEM certificate"), e.getMessage());
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/tls/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    private static X509Certificate certificate(String name) throws IOException, CertificateException {
        try (InputStream in = OriginTrustTest.class.getResourceAsStream("/tls/" + name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
