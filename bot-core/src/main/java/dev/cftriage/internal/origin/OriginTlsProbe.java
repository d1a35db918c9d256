package dev.cftriage.internal.origin;

import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.Deadline;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TlsOutcome;
import dev.cftriage.internal.http.AcceptingTrustManager;
import dev.cftriage.internal.http.Causes;
import dev.cftriage.internal.http.ProbePorts;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import dev.cftriage.internal.net.VettedAddress;
import dev.cftriage.internal.net.Ascii;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A TLS handshake with one origin address and port as Cloudflare makes it in Full and Full (strict) mode (a
 * failure here is a 525, a bad certificate a 526): SNI = the host when it is a name, ALPN offering h2 and
 * http/1.1. Every chain is accepted so that it is always seen, then judged on its own against {@link OriginTrust}:
 * dates against the clock, the host name, self-signed or not, and trust at a date inside the leaf's validity (so
 * that an expired certificate reads as expired, not as untrusted). Connects only to the vetted address, without a
 * proxy; the whole probe is bounded by the remaining budget, a stalling or dribbling peer included. Presents no
 * client certificate, and records whether the origin asked for one (Authenticated Origin Pulls). Immutable and
 * thread-safe.
 */
public final class OriginTlsProbe implements Probe {
    private static final String[] ALPN = {"h2", "http/1.1"};

    private final VettedAddress address;
    private final int port;
    private final String sni;
    private final OriginTrust trust;
    private final Clock clock;

    /**
     * A probe of {@code address:port} with SNI {@code sni}.
     *
     * @param sni the host: sent as SNI when it is a name (an IP literal is not sent) and checked against the certificate
     * @param clock the clock the leaf's dates are judged against
     * @throws IllegalArgumentException when Cloudflare does not proxy the port
     */
    public OriginTlsProbe(VettedAddress address, int port, String sni, OriginTrust trust, Clock clock) {
        this.address = address;
        this.port = ProbePorts.requireProxied(port);
        this.sni = sni;
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.ORIGIN_TLS;
    }

    @Override
    public String target() {
        return Endpoints.format(address.text(), port);
    }

    @Override
    public TlsFacts run(ProbeContext context) throws GeneralSecurityException {
        AcceptingTrustManager seen = new AcceptingTrustManager();
        ClientCertificateRequests asked = new ClientCertificateRequests();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new KeyManager[] {asked}, new TrustManager[] {seen}, null);
        Socket raw = new Socket(Proxy.NO_PROXY);
        Deadline deadline = context.deadline();
        context.reportSoFar(() -> judged(TlsOutcome.NO_CONNECTION, null, null, null, List.of(), null,
                "no connection before the deadline", false));
        try (Watchdog watchdog = Watchdog.closeAtDeadline(raw, context)) {
            try {
                raw.connect(new InetSocketAddress(address.address(), port), context.usableMillis());
            } catch (IOException e) {
                return failed(TlsOutcome.NO_CONNECTION, List.of(), null, e, false);
            }
            long start = deadline.ticker().read();
            context.reportSoFar(() -> judged(TlsOutcome.STALLED, null, null, null, seen.presented(),
                    deadline.millisSince(start), "the handshake did not finish before the deadline", asked.requested()));
            try {
                SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, address.text(), port, true);
                socket.setSSLParameters(parameters(socket));
                raw.setSoTimeout(context.usableMillis());
                socket.startHandshake();
                long handshakeMs = deadline.millisSince(start);
                Supplier<TlsFacts> done = () -> completed(socket.getSession(), socket.getApplicationProtocol(),
                        seen.presented(), handshakeMs, asked.requested());
                context.reportSoFar(done);
                return done.get();
            } catch (IOException e) {
                return failed(outcomeOf(e, watchdog.fired()), seen.presented(), deadline.millisSince(start), e, asked.requested());
            }
        } finally {
            Quietly.close(raw);
        }
    }

    private SSLParameters parameters(SSLSocket socket) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(HostNames.parse(sni) instanceof HostName.Name name ? List.of(new SNIHostName(name.text())) : List.of());
        parameters.setApplicationProtocols(ALPN);
        parameters.setEndpointIdentificationAlgorithm(null);
        return parameters;
    }

    private TlsFacts completed(SSLSession session, String alpn, List<X509Certificate> chain, long handshakeMs,
                               boolean clientCertificateRequested) {
        return judged(TlsOutcome.COMPLETED, session.getProtocol(), session.getCipherSuite(),
                alpn == null || alpn.isEmpty() ? null : alpn, chain, handshakeMs, null, clientCertificateRequested);
    }

    private TlsFacts failed(TlsOutcome outcome, List<X509Certificate> chain, Long handshakeMs, IOException e,
                            boolean clientCertificateRequested) {
        return judged(outcome, null, null, null, chain, handshakeMs, Causes.messages(e), clientCertificateRequested);
    }

    private TlsFacts judged(TlsOutcome outcome, String protocol, String cipher, String alpn, List<X509Certificate> chain,
            Long handshakeMs, String detail, boolean clientCertificateRequested) {
        String where = address.text();
        if (chain.isEmpty()) {
            return new TlsFacts(where, port, sni, outcome, protocol, cipher, alpn, List.of(), null, null, null, null, null,
                    null, false, null, handshakeMs, detail, clientCertificateRequested);
        }
        X509Certificate leaf = chain.get(0);
        Instant now = clock.instant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        String trustProblem = trust.trustProblem(chain, Date.from(insideValidity(now, notBefore, notAfter)));
        return new TlsFacts(where, port, sni, outcome, protocol, cipher, alpn,
                chain.stream().map(Certificates::info).toList(),
                trustProblem == null, trustProblem, Certificates.selfSigned(leaf),
                now.isAfter(notAfter), now.isBefore(notBefore), HostnameMatch.covers(leaf, sni),
                trust.endsAtOriginCa(chain), notAfter, handshakeMs, detail, clientCertificateRequested);
    }

    /** {@code now} when the leaf is valid then, else the nearest instant inside its validity. */
    private static Instant insideValidity(Instant now, Instant notBefore, Instant notAfter) {
        if (now.isBefore(notBefore)) {
            return notBefore;
        }
        return now.isAfter(notAfter) ? notAfter : now;
    }

    /** How a failed handshake ended, from the error and whether the deadline cut it short. */
    static TlsOutcome outcomeOf(IOException e, boolean deadlinePassed) {
        if (deadlinePassed || Causes.include(e, SocketTimeoutException.class)) {
            return TlsOutcome.STALLED;
        }
        String messages = Ascii.lower(Causes.messages(e));
        if (messages.contains("unsupported or unrecognized ssl message") || messages.contains("plaintext")) {
            return TlsOutcome.NOT_TLS;
        }
        if (Causes.include(e, EOFException.class) || messages.contains("terminated the handshake")
                || messages.contains("connection reset") || messages.contains("broken pipe")) {
            return TlsOutcome.CLOSED;
        }
        return e instanceof SSLException ? TlsOutcome.FAILED : TlsOutcome.CLOSED;
    }
}
