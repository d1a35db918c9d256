package dev.cftriage.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Certificates and HTTPS servers for the TLS tests. */
final class TlsFixtures {
    static final String HOST = "origin.example";

    private TlsFixtures() {
    }

    /** A CA root that may sign intermediates. */
    static HeldCertificate root() {
        return new HeldCertificate.Builder().commonName("cf-triage test root").certificateAuthority(1).build();
    }

    /** An intermediate CA under {@code root}. */
    static HeldCertificate intermediate(HeldCertificate root) {
        return new HeldCertificate.Builder().commonName("cf-triage test intermediate").certificateAuthority(0)
                .signedBy(root).build();
    }

    /** A leaf for {@code name}, signed by {@code issuer}. */
    static HeldCertificate leaf(String name, HeldCertificate issuer) {
        return new HeldCertificate.Builder().commonName(name).addSubjectAlternativeName(name).signedBy(issuer).build();
    }

    /** An HTTPS MockWebServer on a fresh loopback address and the given port, presenting the certificate and chain. */
    static MockWebServer https(InetAddress address, int port, HeldCertificate leaf, X509Certificate... intermediates)
            throws IOException {
        MockWebServer server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf, intermediates).build().sslSocketFactory());
        server.start(address, port);
        return server;
    }

    /** The certificate written as a PEM file in {@code dir}. */
    static Path pemFile(Path dir, HeldCertificate cert) throws IOException {
        return Files.writeString(dir.resolve("ca-" + System.nanoTime() + ".pem"), cert.certificatePem());
    }
}
