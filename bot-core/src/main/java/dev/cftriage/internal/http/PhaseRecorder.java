package dev.cftriage.internal.http;

import com.github.benmanes.caffeine.cache.Ticker;
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
 * Records when one OkHttp call reached each phase, on the probe's monotonic clock, and turns that into {@link Phases}.
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
    private final Ticker ticker;

    /** A recorder reading the time on {@code ticker}. */
    PhaseRecorder(Ticker ticker) {
        this.ticker = ticker;
    }

    /** Now, on this recorder's clock. */
    long now() {
        return ticker.read();
    }

    @Override
    public void dnsStart(Call call, String domainName) {
        dnsStart = ticker.read();
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
        dnsEnd = ticker.read();
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        if (connectStart == UNSET) {
            connectStart = ticker.read();
        }
    }

    @Override
    public void secureConnectStart(Call call) {
        secureConnectStart = ticker.read();
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        secureConnectEnd = ticker.read();
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        connectEnd = ticker.read();
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        requestSent = ticker.read();
    }

    @Override
    public void responseHeadersStart(Call call) {
        responseHeaders = ticker.read();
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
        return phases(ticker.read());
    }

    /**
     * Milliseconds from when the request could be sent (the TLS handshake's end on https, the connect's end on
     * http) to now; null when the call did not get that far.
     */
    Long millisReadyToSend(boolean tls) {
        long ready = tls ? secureConnectEnd : connectEnd;
        return ready == UNSET ? null : Math.max(0, (ticker.read() - ready) / 1_000_000L);
    }

    private static Long between(long start, long end) {
        return start == UNSET || end == UNSET ? null : Math.max(0, (end - start) / 1_000_000L);
    }
}
