package dev.cftriage.internal.evidence;

import java.time.Instant;
import java.util.List;

/**
 * One certificate of a presented chain, reduced to what a person triaging needs.
 *
 * @param subject the subject DN
 * @param issuer the issuer DN
 * @param dnsNames the DNS names of the subject alternative names (and the CN when there are none)
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param sha256 SHA-256 fingerprint, lower-case hex
 * @param selfSigned subject equals issuer and the certificate verifies with its own key
 */
public record CertificateInfo(
        String subject, String issuer, List<String> dnsNames, Instant notBefore, Instant notAfter, String sha256,
        boolean selfSigned) {

    public CertificateInfo {
        dnsNames = List.copyOf(dnsNames);
    }
}
