package dev.cftriage.internal.evidence;

/**
 * Cloudflare's documented limits on an origin's response headers: 32 KB in total and 16 KB for one header. A
 * response over either is dropped (520); one above {@link #NEAR_SHARE} of a limit is close enough that a header
 * Cloudflare adds or counts differently may tip it over. Stateless.
 */
public final class HeaderLimits {
    /** Cloudflare's limit on all response headers together, in bytes. */
    public static final long TOTAL_BYTES = 32 * 1024;
    /** Cloudflare's limit on one response header, in bytes. */
    public static final long ONE_HEADER_BYTES = 16 * 1024;
    /** The share of a limit above which a response counts as near it. */
    public static final double NEAR_SHARE = 0.75;

    private HeaderLimits() {
    }

    /** True when the headers exceed either limit. */
    public static boolean over(long totalBytes, long largestBytes) {
        return totalBytes > TOTAL_BYTES || largestBytes > ONE_HEADER_BYTES;
    }

    /** True when the headers are within both limits but above {@link #NEAR_SHARE} of either. */
    public static boolean near(long totalBytes, long largestBytes) {
        return !over(totalBytes, largestBytes)
                && (totalBytes > TOTAL_BYTES * NEAR_SHARE || largestBytes > ONE_HEADER_BYTES * NEAR_SHARE);
    }

    /** The measured sizes against the limits, e.g. "25100 bytes of headers (77% of 32 KB), the largest 900 (5% of 16 KB)". */
    public static String measured(long totalBytes, long largestBytes) {
        return totalBytes + " bytes of headers (" + percent(totalBytes, TOTAL_BYTES) + " of Cloudflare's 32 KB), the largest "
                + largestBytes + " bytes (" + percent(largestBytes, ONE_HEADER_BYTES) + " of its 16 KB per header)";
    }

    private static String percent(long part, long whole) {
        return Math.round(part * 100.0 / whole) + "%";
    }
}
