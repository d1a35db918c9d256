package dev.cftriage.internal.evidence;

/** How one HTTP exchange ended. */
public enum HttpOutcome {
    /** A status line and headers came back (the status may be an error). */
    RESPONSE("response"),
    /** The server closed the connection without sending a byte of response. */
    EMPTY_REPLY("empty-reply"),
    /** The connection was reset before the response was complete. */
    RESET("reset"),
    /** Connected, but no response arrived within the budget. */
    NO_RESPONSE("no-response"),
    /** The response headers exceed what Cloudflare accepts (32 KB in total, 16 KB for one header). */
    HEADERS_TOO_LARGE("headers-too-large"),
    /** What came back is not HTTP (a malformed status line, garbage, TLS on a plain port). */
    PROTOCOL_ERROR("protocol-error"),
    /** The TLS handshake failed, so no request was sent. */
    TLS_FAILED("tls-failed"),
    /** No TCP connection could be made. */
    CONNECT_FAILED("connect-failed");

    private final String id;

    HttpOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
