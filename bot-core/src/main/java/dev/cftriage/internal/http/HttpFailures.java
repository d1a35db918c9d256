package dev.cftriage.internal.http;

import dev.cftriage.internal.evidence.HeaderLimits;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.net.Ascii;
import java.util.Locale;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells how a failed OkHttp exchange ended, from the exception and the phases the call reached. What OkHttp 5
 * throws, as seen against real misbehaving servers:
 * <ul>
 *   <li>closed without a byte: {@code IOException("unexpected end of stream")} caused by
 *       {@code EOFException("\n not found: limit=0 …")};
 *   <li>reset: {@code SocketException("Connection reset")};
 *   <li>silent: {@code InterruptedIOException("timeout")} when the call timeout fires;
 *   <li>not HTTP: {@code ProtocolException("Unexpected status line: …")};
 *   <li>headers beyond OkHttp's own 256 KB limit: the same end-of-stream error, with {@code limit=} the bytes left
 *       of that limit; a header line cut off after {@code limit=} bytes. Either way, a limit of 16 KB or more means
 *       an unfinished header line of at least that size, over Cloudflare's per-header limit.
 * </ul>
 * Stateless.
 */
final class HttpFailures {
    private static final Pattern LINE_LIMIT = Pattern.compile("not found: limit=(\\d+)");

    private HttpFailures() {
    }

    /** The facts of an exchange that failed with {@code failure} after reaching the recorded phases. */
    static HttpExchange classify(ProbeRequest request, IOException failure, PhaseRecorder phases) {
        boolean timedOut = Causes.include(failure, InterruptedIOException.class);
        String message = Causes.messages(failure);
        Long headerBytes = null;
        HttpOutcome outcome;
        String detail = message;
        if (!phases.tcpConnected(request.tls())) {
            outcome = HttpOutcome.CONNECT_FAILED;
            detail = timedOut ? "no connection before the deadline" : message;
        } else if (request.tls() && !phases.tlsCompleted()) {
            outcome = HttpOutcome.TLS_FAILED;
            detail = timedOut ? "the handshake stalled until the deadline" : message;
        } else if (timedOut) {
            outcome = HttpOutcome.NO_RESPONSE;
            detail = noResponse(request, phases);
        } else if (Ascii.containsIgnoreCase(message, "reset") || Ascii.containsIgnoreCase(message, "broken pipe")) {
            outcome = HttpOutcome.RESET;
        } else if (Causes.include(failure, ProtocolException.class)) {
            outcome = HttpOutcome.PROTOCOL_ERROR;
        } else if (Causes.include(failure, EOFException.class)) {
            long unfinishedLine = unfinishedLineBytes(message);
            if (unfinishedLine == 0) {
                outcome = HttpOutcome.EMPTY_REPLY;
                detail = "the connection closed with no response";
            } else if (unfinishedLine >= HeaderLimits.ONE_HEADER_BYTES) {
                outcome = HttpOutcome.HEADERS_TOO_LARGE;
                headerBytes = unfinishedLine;
                detail = "a header line of more than " + unfinishedLine + " bytes; reading stopped there";
            } else {
                outcome = HttpOutcome.PROTOCOL_ERROR;
                detail = "the response headers ended unfinished";
            }
        } else {
            outcome = HttpOutcome.PROTOCOL_ERROR;
        }
        HttpFacts facts = new HttpFacts(request.address().text(), request.port(), request.scheme(), request.host(), outcome,
                null, null, headerBytes, headerBytes, null, null, 0, false, phases.phasesNow(), detail);
        return new HttpExchange(facts, null);
    }

    /**
     * The facts of an exchange the deadline cut short, from the phases it reached: what a call timeout at this
     * moment would have said.
     */
    static HttpExchange cutAtDeadline(ProbeRequest request, PhaseRecorder phases) {
        return classify(request, new InterruptedIOException("cut at the triage's deadline"), phases);
    }

    /** How long the origin kept silent, and after what: e.g. "no response within 1.9 s after the TLS handshake". */
    private static String noResponse(ProbeRequest request, PhaseRecorder phases) {
        Long waited = phases.millisReadyToSend(request.tls());
        if (waited == null) {
            return "no response before the deadline";
        }
        return String.format(Locale.ROOT, "no response within %.1f s after %s", waited / 1000.0,
                request.tls() ? "the TLS handshake" : "the connection was made");
    }

    /** The {@code limit=} of OkHttp's line reader: how much of an unfinished line it held (0 when none). */
    private static long unfinishedLineBytes(String message) {
        Matcher m = LINE_LIMIT.matcher(message);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
