package dev.cftriage.internal.origin;

import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.Deadline;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import dev.cftriage.internal.http.Causes;
import dev.cftriage.internal.http.ProbePorts;
import dev.cftriage.internal.net.VettedAddress;
import dev.cftriage.internal.net.Ascii;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Opens a TCP connection to one origin address and port, the first thing Cloudflare does (a failure here is a
 * 521, 522 or 523), and closes it at once. Connects only to the vetted address, without any proxy; the connect
 * is bounded by the probe's remaining budget. Immutable and thread-safe.
 */
public final class OriginTcpProbe implements Probe {
    private final VettedAddress address;
    private final int port;

    /**
     * A probe of {@code address:port}.
     *
     * @throws IllegalArgumentException when Cloudflare does not proxy the port
     */
    public OriginTcpProbe(VettedAddress address, int port) {
        this.address = address;
        this.port = ProbePorts.requireProxied(port);
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.ORIGIN_TCP;
    }

    @Override
    public String target() {
        return Endpoints.format(address.text(), port);
    }

    @Override
    public TcpFacts run(ProbeContext context) {
        Deadline deadline = context.deadline();
        long start = deadline.ticker().read();
        context.reportSoFar(() -> new TcpFacts(address.text(), port, TcpOutcome.TIMED_OUT, deadline.millisSince(start),
                "no connection before the deadline"));
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            socket.connect(new InetSocketAddress(address.address(), port), context.usableMillis());
            TcpFacts connected = facts(TcpOutcome.CONNECTED, deadline.millisSince(start), null);
            context.reportSoFar(() -> connected);
            return connected;
        } catch (IOException e) {
            return facts(outcomeOf(e), deadline.millisSince(start), Causes.messages(e));
        } finally {
            Quietly.close(socket);
        }
    }

    private TcpFacts facts(TcpOutcome outcome, long millis, String detail) {
        return new TcpFacts(address.text(), port, outcome, millis, detail);
    }

    /** How a failed connect ended, from the socket error. */
    static TcpOutcome outcomeOf(IOException e) {
        String message = Ascii.lower(String.valueOf(e.getMessage()));
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return TcpOutcome.TIMED_OUT;
        }
        if (e instanceof ConnectException && message.contains("refused")) {
            return TcpOutcome.REFUSED;
        }
        if (e instanceof NoRouteToHostException || message.contains("unreachable")) {
            return TcpOutcome.UNREACHABLE;
        }
        return TcpOutcome.UNREACHABLE;
    }
}
