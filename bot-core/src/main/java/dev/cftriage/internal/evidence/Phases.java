package dev.cftriage.internal.evidence;

/**
 * The phase timings of one HTTP exchange, in milliseconds, in the fixed order resolve, connect, tls,
 * processing, transfer. A phase that was not reached is null; all five are always reported.
 *
 * @param resolveMs name resolution (near zero: probes connect to an address resolved beforehand)
 * @param connectMs TCP connect
 * @param tlsMs TLS handshake (null for plain HTTP)
 * @param processingMs from the request sent to the first byte of the response (time to first byte)
 * @param transferMs from the first byte to the end of what was read
 */
public record Phases(Long resolveMs, Long connectMs, Long tlsMs, Long processingMs, Long transferMs) {

    /** No phase reached. */
    public static final Phases NONE = new Phases(null, null, null, null, null);
}
