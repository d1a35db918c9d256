package dev.cftriage.http;

/**
 * Decides whether a POST comes from who it claims to, before anything parses it. Implementations are thread-safe and
 * fast (no I/O): they run on a worker thread for every request, hostile ones included.
 */
public interface Authenticator {

    /**
     * The check on the headers alone, before the body is read: a request that cannot be authentic (no signature,
     * a stale timestamp) is refused without reading its body. Accepts by default.
     */
    default Authentication beforeBody(IncomingRequest request) {
        return Authentication.accepted();
    }

    /** The check on the headers and the whole body (at most the route's cap), before the handler sees it. */
    Authentication check(IncomingRequest request, byte[] body);

    /** Accepts every request: for routes that authenticate by other means (or none, like a health check). */
    static Authenticator none() {
        return (request, body) -> Authentication.accepted();
    }
}
