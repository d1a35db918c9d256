package dev.cftriage.internal.origin;

import dev.cftriage.internal.evidence.CertificateInfo;
import dev.cftriage.internal.net.Ascii;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** Reads the facts a report needs out of X.509 certificates. Stateless. */
final class Certificates {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private Certificates() {
    }

    /** The certificate reduced to a {@link CertificateInfo}. */
    static CertificateInfo info(X509Certificate cert) {
        return new CertificateInfo(dn(cert.getSubjectX500Principal()), dn(cert.getIssuerX500Principal()), dnsNames(cert),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), sha256(cert), selfSigned(cert));
    }

    /** A distinguished name as RFC 2253 text, e.g. {@code CN=origin.example,O=Example}. */
    static String dn(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    /** True when the subject is the issuer (the certificate names itself as its issuer). */
    static boolean selfIssued(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
    }

    /** True when the certificate is self-issued and its signature verifies with its own key. */
    static boolean selfSigned(X509Certificate cert) {
        return selfIssued(cert) && signedBy(cert, cert);
    }

    /** True when {@code cert}'s signature verifies with {@code issuer}'s public key. */
    static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The DNS names of the subject alternative names, or the CN when there are none. */
    static List<String> dnsNames(X509Certificate cert) {
        List<String> names = alternativeNames(cert, SAN_DNS);
        if (!names.isEmpty() || hasAlternativeNames(cert)) {
            return names;
        }
        String cn = commonName(cert.getSubjectX500Principal());
        return cn == null ? List.of() : List.of(cn);
    }

    /** The IP addresses of the subject alternative names, as written in the certificate. */
    static List<String> ipAddresses(X509Certificate cert) {
        return alternativeNames(cert, SAN_IP);
    }

    /** The lower-case hex SHA-256 of the encoded certificate. */
    static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("every JDK has SHA-256 and a parsed certificate re-encodes", e);
        }
    }

    private static boolean hasAlternativeNames(X509Certificate cert) {
        try {
            return cert.getSubjectAlternativeNames() != null;
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static List<String> alternativeNames(X509Certificate cert, int type) {
        Collection<List<?>> entries;
        try {
            entries = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (entries != null) {
            for (List<?> entry : entries) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type && entry.get(1) instanceof String value) {
                    names.add(value);
                }
            }
        }
        return names;
    }

    private static String commonName(X500Principal principal) {
        try {
            List<Rdn> rdns = new LdapName(principal.getName(X500Principal.RFC2253)).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (Ascii.equalsIgnoreCase(rdns.get(i).getType(), "CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
