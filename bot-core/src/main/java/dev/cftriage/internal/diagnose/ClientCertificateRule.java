package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TlsOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An origin that demands a client certificate (Authenticated Origin Pulls): it sent a CertificateRequest, and
 * without a certificate the handshake failed — at once (TLS 1.2, or a {@code certificate_required} alert), or
 * right after it seemed to complete (TLS 1.3 verifies the client last, so the HTTPS request is what fails). An
 * origin that asks but lets the request through only wants one, and is not named.
 */
final class ClientCertificateRule implements CauseRule {
    static final String CAUSE = "origin-client-cert-required";

    @Override
    public Set<String> causes() {
        return Set.of(CAUSE);
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> out = new ArrayList<>();
        for (TlsFacts tls : s.evidence().facts(TlsFacts.class, TlsFacts::clientCertificateRequested)) {
            String where = Endpoints.format(tls.address(), tls.port());
            String failure = tls.outcome() != TlsOutcome.COMPLETED ? tls.summary() : failedRequest(s, tls);
            if (failure == null) {
                continue;
            }
            Map<String, String> values = TlsRules.values(tls);
            out.add(new Finding.Found(CAUSE, 1.0, List.of(where + " asked for a client certificate (CertificateRequest)"
                    + " and the connection failed without one: " + failure), values));
        }
        return out;
    }

    /** What went wrong with the HTTPS request to the handshake's address and port, or null when it got an answer. */
    private static String failedRequest(Situation s, TlsFacts tls) {
        return s.originExchanges().stream()
                .filter(h -> h.address().equals(tls.address()) && h.port() == tls.port()
                        && h.outcome() != HttpOutcome.RESPONSE && h.outcome() != HttpOutcome.HEADERS_TOO_LARGE)
                .map(HttpFacts::summary).findFirst().orElse(null);
    }
}
