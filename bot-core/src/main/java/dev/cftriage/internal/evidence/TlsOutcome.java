package dev.cftriage.internal.evidence;

/** How a TLS handshake attempt ended. */
public enum TlsOutcome {
    /** The handshake completed; the certificate may still be bad. */
    COMPLETED("completed"),
    /** The server answered but the handshake failed (alert, no shared cipher, no certificate …). */
    FAILED("failed"),
    /** The server answered in plain HTTP where TLS was expected. */
    NOT_TLS("not-tls"),
    /** The server closed or reset the connection during the handshake. */
    CLOSED("closed"),
    /** The server stopped answering mid-handshake until the budget ran out. */
    STALLED("stalled"),
    /** No TCP connection could be made. */
    NO_CONNECTION("no-connection");

    private final String id;

    TlsOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
