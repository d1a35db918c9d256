package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.CertificateInfo;
import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TlsOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the TLS handshakes with the origin show: a handshake that fails, and a certificate that is expired,
 * self-signed, for another name or from an untrusted issuer — or a certificate Full (strict) accepts.
 */
final class TlsRules implements CauseRule {
    /** A failed handshake after the origin asked for a client certificate: {@link ClientCertificateRule} explains it. */
    private static final double CLIENT_CERTIFICATE_EXPLAINS = 0.5;

    @Override
    public Set<String> causes() {
        return Set.of("tls-handshake-failed", "tls-cert-expired", "tls-cert-self-signed", "tls-cert-untrusted",
                "tls-cert-hostname-mismatch");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> out = new ArrayList<>();
        List<TlsFacts> handshakes = s.evidence().facts(TlsFacts.class,
                t -> t.outcome() != TlsOutcome.NO_CONNECTION);
        for (TlsFacts tls : handshakes) {
            Map<String, String> v = values(tls);
            String where = Endpoints.format(tls.address(), tls.port());
            if (tls.outcome() != TlsOutcome.COMPLETED) {
                String line = tls.outcome() == TlsOutcome.NOT_TLS
                        ? where + " answers plain HTTP where Cloudflare expects TLS"
                        : tls.summary();
                double strength = tls.outcome() == TlsOutcome.NOT_TLS ? 0.95
                        : tls.clientCertificateRequested() ? CLIENT_CERTIFICATE_EXPLAINS : 0.85;
                out.add(new Finding.Found("tls-handshake-failed", strength, List.of(line), v));
                continue;
            }
            if (Boolean.TRUE.equals(tls.expired())) {
                out.add(new Finding.Found("tls-cert-expired", 0.95,
                        List.of("the certificate at " + where + " expired on " + tls.notAfter()), v));
            } else if (Boolean.TRUE.equals(tls.notYetValid())) {
                out.add(new Finding.Found("tls-cert-expired", 0.9, List.of("the certificate at " + where
                        + " is not valid yet (its validity starts later; check the server's clock and the certificate)"), v));
            }
            if (Boolean.TRUE.equals(tls.selfSigned())) {
                out.add(new Finding.Found("tls-cert-self-signed", 0.9,
                        List.of("the certificate at " + where + " is self-signed (" + v.get("issuer") + ")"), v));
            } else if (Boolean.FALSE.equals(tls.trusted())) {
                out.add(new Finding.Found("tls-cert-untrusted", 0.85,
                        List.of("the certificate at " + where + " is not trusted: " + tls.trustProblem()), v));
            }
            if (Boolean.FALSE.equals(tls.hostnameMatches())) {
                out.add(new Finding.Found("tls-cert-hostname-mismatch", 0.9,
                        List.of("the certificate at " + where + " covers " + v.get("names") + ", not " + tls.sni()), v));
            }
        }
        ruleOut(out, handshakes, "tls-handshake-failed", t -> true, "every TLS handshake with the origin completed");
        ruleOut(out, handshakes, "tls-cert-expired",
                t -> Boolean.FALSE.equals(t.expired()) && Boolean.FALSE.equals(t.notYetValid()),
                "every origin certificate is within its validity dates");
        ruleOut(out, handshakes, "tls-cert-self-signed", t -> Boolean.FALSE.equals(t.selfSigned()),
                "no origin certificate is self-signed");
        ruleOut(out, handshakes, "tls-cert-hostname-mismatch", t -> Boolean.TRUE.equals(t.hostnameMatches()),
                "every origin certificate covers the host");
        ruleOut(out, handshakes, "tls-cert-untrusted", t -> Boolean.TRUE.equals(t.trusted()),
                "every origin certificate chains to a trusted root");
        return out;
    }

    /** Rules a cause out when every handshake completed and shows the property that excludes it. */
    private static void ruleOut(List<Finding> out, List<TlsFacts> handshakes, String causeId, Predicate<TlsFacts> excludes,
                                String why) {
        if (!handshakes.isEmpty() && handshakes.stream().allMatch(t -> t.outcome() == TlsOutcome.COMPLETED && excludes.test(t))) {
            out.add(new Finding.RuledOut(causeId, why));
        }
    }

    /** The fix placeholders a handshake names: address, port, expiry, names, issuer, problem. */
    static Map<String, String> values(TlsFacts tls) {
        Map<String, String> v = new HashMap<>();
        v.put("address", tls.address());
        v.put("port", String.valueOf(tls.port()));
        if (tls.notAfter() != null) {
            v.put("expiry", tls.notAfter().toString());
        }
        if (!tls.chain().isEmpty()) {
            CertificateInfo leaf = tls.chain().get(0);
            v.put("names", leaf.dnsNames().isEmpty() ? leaf.subject() : String.join(", ", leaf.dnsNames()));
            v.put("issuer", leaf.issuer());
        }
        if (tls.trustProblem() != null) {
            v.put("problem", tls.trustProblem());
        } else if (tls.detail() != null) {
            v.put("problem", tls.detail());
        }
        return v;
    }
}
