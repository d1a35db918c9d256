package dev.cftriage.internal.http;

import dev.cftriage.internal.evidence.Phases;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;

/**
 * Records when one OkHttp call reached each phase, on the monotonic clock, and turns that into {@link Phases}.
 * Made for a single call; its events may arrive on another thread than the reader's, hence the volatile fields.
 * OkHttp reports {@code connectEnd} only after TLS, so the TCP connect ends where TLS starts on https.
 */
final class PhaseRecorder extends EventListener {
    private static final long UNSET = Long.MIN_VALUE;

    private volatile long dnsStart = UNSET;
    private volatile long dnsEnd = UNSET;
    private volatile long connectStart = UNSET;
    private volatile long secureConnectStart = UNSET;
    private volatile long secureConnectEnd = UNSET;
    private volatile long connectEnd = UNSET;
    private volatile long requestSent = UNSET;
    private volatile long responseHeaders = UNSET;

    @Override
    public void dnsStart(Call call, String domainName) {
        dnsStart = System.nanoTime();
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
        dnsEnd = System.nanoTime();
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        if (connectStart == UNSET) {
            connectStart = System.nanoTime();
        }
    }

    @Override
    public void secureConnectStart(Call call) {
        secureConnectStart = System.nanoTime();
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        secureConnectEnd = System.nanoTime();
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        connectEnd = System.nanoTime();
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        requestSent = System.nanoTime();
    }

    @Override
    public void responseHeadersStart(Call call) {
        responseHeaders = System.nanoTime();
    }

    /** True when the TCP connection was made (on https: TLS started, which follows it). */
    boolean tcpConnected(boolean tls) {
        return tls ? secureConnectStart != UNSET : connectEnd != UNSET;
    }

    /** True when the TLS handshake completed. */
    boolean tlsCompleted() {
        return secureConnectEnd != UNSET;
    }

    /** The phases reached, with the transfer ending at {@code transferEndNanos} (ignored without response headers). */
    Phases phases(long transferEndNanos) {
        long tcpEnd = secureConnectStart != UNSET ? secureConnectStart : connectEnd;
        return new Phases(
                between(dnsStart, dnsEnd),
                between(connectStart, tcpEnd),
                between(secureConnectStart, secureConnectEnd),
                between(requestSent, responseHeaders),
                between(responseHeaders, responseHeaders == UNSET ? UNSET : transferEndNanos));
    }

    /** The phases reached, the transfer (if any) ending now. */
    Phases phasesNow() {
        return phases(System.nanoTime());
    }

    private static Long between(long start, long end) {
        return start == UNSET || end == UNSET ? null : Math.max(0, (end - start) / 1_000_000L);
    }
}
