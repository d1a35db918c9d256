package dev.cftriage.internal.origin;

import dev.cftriage.input.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The trust store origin certificates are judged against, as Cloudflare's Full (strict) mode judges them: the
 * JDK's default roots, Cloudflare's Origin CA roots (which no browser trusts but Cloudflare does) and an optional
 * extra CA file the operator supplies for a private CA. Immutable and thread-safe.
 */
public final class OriginTrust {
    private static final String ORIGIN_CA_RESOURCE = "/cloudflare/origin-ca-roots.pem";
    /** DER of the caIssuers access method OID 1.3.6.1.5.5.7.48.2, as it appears inside an AIA extension. */
    private static final byte[] CA_ISSUERS_OID = {0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02};
    private static final String AIA_OID = "1.3.6.1.5.5.7.1.1";

    /** The Origin CA roots and the extra CA file's certificates; the JDK's roots come from {@link JdkRoots}. */
    private final Set<TrustAnchor> ownAnchors;
    private final List<X509Certificate> originCaRoots;

    private OriginTrust(Set<TrustAnchor> ownAnchors, List<X509Certificate> originCaRoots) {
        this.ownAnchors = Set.copyOf(ownAnchors);
        this.originCaRoots = List.copyOf(originCaRoots);
    }

    /**
     * The JDK's roots, the Origin CA roots and the certificates of {@code extraCaFile}.
     *
     * @param extraCaFile a PEM file of one or more CA certificates, or null for none
     * @throws BadInputException when the file cannot be read or holds no certificate
     */
    public static OriginTrust create(Path extraCaFile) {
        List<X509Certificate> originRoots = bundledOriginCaRoots();
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (X509Certificate root : originRoots) {
            anchors.add(new TrustAnchor(root, null));
        }
        if (extraCaFile != null) {
            for (X509Certificate ca : readCaFile(extraCaFile)) {
                anchors.add(new TrustAnchor(ca, null));
            }
        }
        return new OriginTrust(anchors, originRoots);
    }

    /** Cloudflare's Origin CA roots, as bundled. */
    public List<X509Certificate> originCaRoots() {
        return originCaRoots;
    }

    /** True when the certificate is one of Cloudflare's Origin CA roots. */
    public boolean isOriginCaRoot(X509Certificate cert) {
        return originCaRoots.contains(cert);
    }

    /** True when the presented chain ends at an Origin CA root: one of its certificates is a root or is signed by one. */
    public boolean endsAtOriginCa(List<X509Certificate> chain) {
        for (X509Certificate cert : chain) {
            for (X509Certificate root : originCaRoots) {
                if (cert.equals(root)
                        || cert.getIssuerX500Principal().equals(root.getSubjectX500Principal()) && Certificates.signedBy(cert, root)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Why the chain (leaf first, in any order after it, possibly with extra certificates) does not build to a
     * trusted root at {@code at}, or null when it does. Revocation is not checked.
     */
    public String trustProblem(List<X509Certificate> chain, Date at) {
        Set<TrustAnchor> anchors = anchors();
        X509Certificate leaf = chain.get(0);
        if (anchors.stream().anyMatch(a -> leaf.equals(a.getTrustedCert()))) {
            return null;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return null;
        } catch (CertPathBuilderException e) {
            return explain(chain, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX builder is always there", e);
        }
    }

    private String explain(List<X509Certificate> chain, CertPathBuilderException failure) {
        X509Certificate top = topOf(chain);
        if (Certificates.selfSigned(top)) {
            return top == chain.get(0)
                    ? "self-signed " + Certificates.dn(top.getSubjectX500Principal())
                    : "unknown issuer " + Certificates.dn(top.getSubjectX500Principal()) + " (an untrusted root was sent)";
        }
        String issuer = Certificates.dn(top.getIssuerX500Principal());
        boolean issuerTrusted = anchors().stream()
                .anyMatch(a -> a.getTrustedCert().getSubjectX500Principal().equals(top.getIssuerX500Principal()));
        if (issuerTrusted) {
            return "invalid chain: " + failure.getMessage();
        }
        if (namesItsIssuersLocation(top)) {
            return "incomplete chain: the intermediate " + issuer + " was not sent";
        }
        return "unknown issuer " + issuer;
    }

    /** The last certificate reached from the leaf by following issuers through the presented chain. */
    private static X509Certificate topOf(List<X509Certificate> chain) {
        X509Certificate current = chain.get(0);
        Set<X509Certificate> seen = new HashSet<>();
        seen.add(current);
        while (!Certificates.selfIssued(current)) {
            X509Certificate issuer = null;
            for (X509Certificate candidate : chain) {
                if (!seen.contains(candidate) && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = candidate;
                    break;
                }
            }
            if (issuer == null) {
                return current;
            }
            seen.add(issuer);
            current = issuer;
        }
        return current;
    }

    /** True when the certificate's AIA extension names where its issuer can be fetched (public CAs always do). */
    private static boolean namesItsIssuersLocation(X509Certificate cert) {
        byte[] aia = cert.getExtensionValue(AIA_OID);
        if (aia == null) {
            return false;
        }
        for (int i = 0; i + CA_ISSUERS_OID.length <= aia.length; i++) {
            if (Arrays.equals(aia, i, i + CA_ISSUERS_OID.length, CA_ISSUERS_OID, 0, CA_ISSUERS_OID.length)) {
                return true;
            }
        }
        return false;
    }

    /** Every trust anchor: the JDK's roots, then the Origin CA roots and the extra CA file's. */
    private Set<TrustAnchor> anchors() {
        Set<TrustAnchor> all = new LinkedHashSet<>(JdkRoots.ANCHORS);
        all.addAll(ownAnchors);
        return all;
    }

    /**
     * The JDK's default roots, read once per process when a certificate is first judged: a run that meets no TLS
     * origin (an offline explanation, a plain-HTTP origin) never reads the JDK's trust store.
     */
    private static final class JdkRoots {
        static final List<TrustAnchor> ANCHORS = jdkRoots().stream().map(root -> new TrustAnchor(root, null)).toList();
    }

    private static List<X509Certificate> jdkRoots() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            List<X509Certificate> roots = new ArrayList<>();
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    roots.addAll(Arrays.asList(x509.getAcceptedIssuers()));
                }
            }
            return roots;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default trust store cannot be read", e);
        }
    }

    private static List<X509Certificate> bundledOriginCaRoots() {
        try (InputStream in = OriginTrust.class.getResourceAsStream(ORIGIN_CA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + ORIGIN_CA_RESOURCE + " is missing from the build");
            }
            return parse(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("resource " + ORIGIN_CA_RESOURCE + " is not a PEM bundle", e);
        }
    }

    private static List<X509Certificate> readCaFile(Path file) {
        List<X509Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = parse(in);
        } catch (IOException e) {
            throw new BadInputException("cannot read the CA file " + file + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw new BadInputException("the CA file " + file + " holds no PEM certificate");
        }
        if (certs.isEmpty()) {
            throw new BadInputException("the CA file " + file + " holds no PEM certificate");
        }
        return certs;
    }

    private static List<X509Certificate> parse(InputStream in) throws CertificateException {
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            certs.add((X509Certificate) cert);
        }
        return certs;
    }
}
