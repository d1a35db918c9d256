package dev.cftriage.internal.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class OriginHostnameMatchTest {

    @Test
    void wildcardCoversExactlyOneLeftMostLabel() {
        assertTrue(HostnameMatch.matches("*.example.com", "www.example.com"));
        assertFalse(HostnameMatch.matches("*.example.com", "example.com"));
        assertFalse(HostnameMatch.matches("*.example.com", "a.b.example.com"));
        assertFalse(HostnameMatch.matches("*.com", "example.com"));
        assertFalse(HostnameMatch.matches("w*.example.com", "www.example.com"));
    }

    @Test
    void namesCompareWithoutCaseOrTrailingDot() {
        assertTrue(HostnameMatch.matches("WWW.Example.COM.", "www.example.com"));
        assertFalse(HostnameMatch.matches("www.example.com", "www.example.org"));
    }

    @Test
    void commonNameCountsOnlyWhenThereIsNoAlternativeName() {
        HeldCertificate cnOnly = new HeldCertificate.Builder().commonName("origin.example").build();
        HeldCertificate withSan = new HeldCertificate.Builder().commonName("origin.example")
                .addSubjectAlternativeName("www.origin.example").build();

        assertTrue(HostnameMatch.covers(cnOnly.certificate(), "origin.example"));
        assertEquals(List.of("origin.example"), Certificates.dnsNames(cnOnly.certificate()));
        assertFalse(HostnameMatch.covers(withSan.certificate(), "origin.example"));
        assertTrue(HostnameMatch.covers(withSan.certificate(), "www.origin.example"));
    }

    @Test
    void ipLiteralIsMatchedAgainstIpAlternativeNames() {
        HeldCertificate cert = new HeldCertificate.Builder().commonName("origin").addSubjectAlternativeName("192.0.2.7").build();

        assertTrue(HostnameMatch.covers(cert.certificate(), "192.0.2.7"));
        assertFalse(HostnameMatch.covers(cert.certificate(), "192.0.2.8"));
    }
}
