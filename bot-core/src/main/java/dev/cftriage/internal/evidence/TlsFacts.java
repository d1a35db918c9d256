package dev.cftriage.internal.evidence;

import java.time.Instant;
import java.util.List;

/**
 * What a TLS handshake with SNI = the host saw at one origin address and port, and how the presented chain
 * fares against the trust store (the JDK's roots, Cloudflare's Origin CA roots and any extra CA file).
 *
 * @param address the address connected to
 * @param port the port
 * @param sni the server name sent
 * @param outcome how the handshake ended
 * @param protocol the negotiated protocol (e.g. TLSv1.3), or null
 * @param cipher the negotiated cipher suite, or null
 * @param alpn the negotiated ALPN protocol, or null
 * @param chain the certificates presented, leaf first (empty when none)
 * @param trusted true when the chain builds to a trusted root (validity dates aside), null when no chain
 * @param trustProblem why the chain is not trusted, else null
 * @param selfSigned the leaf is self-signed, null when no chain
 * @param expired the leaf is past its end date, null when no chain
 * @param notYetValid the leaf's start date is in the future, null when no chain
 * @param hostnameMatches the leaf covers the SNI name, null when no chain
 * @param originCa the chain ends at a Cloudflare Origin CA root
 * @param notAfter the leaf's end date, or null
 * @param handshakeMs time spent in the handshake, or null when not reached
 * @param detail the error text when the handshake did not complete, else null
 * @param clientCertificateRequested the origin asked for a client certificate (a CertificateRequest), which the
 *     probe does not have
 */
public record TlsFacts(
        String address,
        int port,
        String sni,
        TlsOutcome outcome,
        String protocol,
        String cipher,
        String alpn,
        List<CertificateInfo> chain,
        Boolean trusted,
        String trustProblem,
        Boolean selfSigned,
        Boolean expired,
        Boolean notYetValid,
        Boolean hostnameMatches,
        boolean originCa,
        Instant notAfter,
        Long handshakeMs,
        String detail,
        boolean clientCertificateRequested) implements ProbeFacts {

    public TlsFacts {
        chain = List.copyOf(chain);
    }

    /** True when the handshake completed with a certificate Cloudflare's Full (strict) mode accepts. */
    public boolean validForStrict() {
        return outcome == TlsOutcome.COMPLETED && Boolean.TRUE.equals(trusted) && Boolean.FALSE.equals(expired)
                && Boolean.FALSE.equals(notYetValid) && Boolean.TRUE.equals(hostnameMatches);
    }

    @Override
    public ProbeStatus verdict() {
        return validForStrict() ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        String where = Endpoints.format(address, port);
        if (outcome != TlsOutcome.COMPLETED) {
            return "TLS to " + where + " (SNI " + sni + "): " + outcome.id() + (detail == null ? "" : ": " + detail)
                    + (clientCertificateRequested ? " (the origin asked for a client certificate)" : "");
        }
        StringBuilder s = new StringBuilder("TLS to ").append(where).append(": ").append(protocol);
        if (Boolean.TRUE.equals(expired)) {
            s.append(", certificate expired ").append(notAfter);
        }
        if (Boolean.TRUE.equals(notYetValid)) {
            s.append(", certificate not valid yet");
        }
        if (Boolean.TRUE.equals(selfSigned)) {
            s.append(", self-signed certificate");
        } else if (Boolean.FALSE.equals(trusted)) {
            s.append(", untrusted certificate (").append(trustProblem).append(')');
        }
        if (Boolean.FALSE.equals(hostnameMatches)) {
            s.append(", certificate does not cover ").append(sni);
        }
        if (validForStrict()) {
            s.append(", certificate valid until ").append(notAfter);
        }
        return s.toString();
    }
}
