package dev.cftriage.internal.evidence;

import java.util.Map;

/**
 * What one HTTP request with Host = the host (and SNI = the host over TLS) saw at one address and port.
 *
 * @param address the address connected to
 * @param port the port
 * @param scheme {@code http} or {@code https}
 * @param host the Host header and SNI sent
 * @param outcome how the exchange ended
 * @param status the response status, or null when none came
 * @param server the {@code Server} header, or null
 * @param headerBytes the size of all response headers in bytes, or null
 * @param largestHeaderBytes the size of the largest single response header line, or null
 * @param headers selected response headers (lower-case names): those that matter for triage
 * @param bodyStart the first bytes of the body as text (at most a few hundred characters), or null
 * @param bodyBytes how many body bytes were read (reading stops at a cap or the budget)
 * @param bodyComplete true when the whole body was read
 * @param phases the phase timings
 * @param detail the error text when the exchange did not complete, else null
 */
public record HttpFacts(
        String address,
        int port,
        String scheme,
        String host,
        HttpOutcome outcome,
        Integer status,
        String server,
        Long headerBytes,
        Long largestHeaderBytes,
        Map<String, String> headers,
        String bodyStart,
        long bodyBytes,
        boolean bodyComplete,
        Phases phases,
        String detail) implements ProbeFacts {

    public HttpFacts {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        phases = phases == null ? Phases.NONE : phases;
    }

    @Override
    public ProbeStatus verdict() {
        return outcome == HttpOutcome.RESPONSE && status != null && status < 500 ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        String where = scheme + "://" + Endpoints.format(address, port) + " (Host: " + host + ")";
        return switch (outcome) {
            case RESPONSE -> where + " answered " + status + (phases.processingMs() == null ? ""
                    : " after " + phases.processingMs() + " ms to first byte")
                    + (bodyComplete || detail == null ? "" : "; " + detail);
            case EMPTY_REPLY -> where + " closed the connection without a response";
            case RESET -> where + " reset the connection" + (detail == null ? "" : ": " + detail);
            case NO_RESPONSE -> where + " accepted the request but sent no response in time"
                    + (detail == null ? "" : ": " + detail);
            case HEADERS_TOO_LARGE -> where + " sent " + HeaderLimits.measured(headerBytes, largestHeaderBytes)
                    + ": over Cloudflare's limit";
            case PROTOCOL_ERROR -> where + " did not answer in HTTP: " + detail;
            case TLS_FAILED -> where + " TLS handshake failed: " + detail;
            case CONNECT_FAILED -> where + " could not be connected: " + detail;
        };
    }
}
