package dev.cftriage.testing;

/**
 * Pastes built to hurt a naive parser, for tests and benchmarks. Deterministic: the same call returns the same text.
 */
public final class AdversarialPastes {
    /** The length {@link #oneMegabyte()} aims for. */
    public static final int ONE_MEGABYTE = 1_000_000;

    private AdversarialPastes() {
    }

    /**
     * A paste of about 1,000,000 characters mixing what makes parsers slow or confused: endless {@code cf-ray: }
     * prefixes without values, long runs of hex digits (Ray ID look-alikes of every wrong length), unclosed tags and
     * comments, {@code Error code} repeated with changing codes, thousands of {@code origin=} tokens, dotted words
     * that look like hosts, and lines hundreds of kilobytes long.
     */
    public static String oneMegabyte() {
        StringBuilder s = new StringBuilder(ONE_MEGABYTE + 1024);
        s.append("HTTP/2 523\n");
        for (int i = 0; i < 4000; i++) {
            s.append("cf-ray: ");
        }
        s.append('\n');
        for (int i = 0; i < 2000; i++) {
            s.append("cf-ray: \n");
        }
        for (int i = 0; i < 600; i++) {
            s.append("8b2e5f3a1c9d4e7f".repeat(1 + i % 7)).append(i % 2 == 0 ? "-" : " ");
        }
        s.append('\n');
        s.append("abcdef0123456789".repeat(8000)).append('\n');
        for (int i = 0; i < 3000; i++) {
            s.append("<div class=\"cf-error-details <title <span <!-- ");
        }
        s.append('\n');
        for (int i = 0; i < 3000; i++) {
            s.append("Error code ").append(500 + i % 31).append(" Ray ID: ").append(Integer.toHexString(i)).append(' ');
        }
        s.append('\n');
        for (int i = 0; i < 5000; i++) {
            s.append("origin=").append(i % 256).append('.').append(i / 256).append(".0.").append(i % 7).append(' ');
        }
        s.append('\n');
        for (int i = 0; i < 3000; i++) {
            s.append("a").append(i).append(".example.com x..y.com https://h").append(i).append(".example:99/ ");
        }
        s.append('\n');
        String longLine = "Your IP: Click to reveal • Performance & security by ";
        while (s.length() < ONE_MEGABYTE - longLine.length()) {
            s.append(longLine);
        }
        s.append("x".repeat(ONE_MEGABYTE - s.length()));
        return s.toString();
    }
}
