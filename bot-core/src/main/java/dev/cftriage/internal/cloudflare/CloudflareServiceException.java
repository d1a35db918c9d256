package dev.cftriage.internal.cloudflare;

/**
 * A call to the Cloudflare API or status page that gave no usable answer: refused (missing scope), rate limited,
 * failed or malformed. The message is one line for the report; it never holds the token.
 */
public final class CloudflareServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CloudflareServiceException(String message) {
        super(message, null, false, false);
    }
}
