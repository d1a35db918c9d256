package dev.cftriage.config;

import java.util.Objects;

/**
 * A secret setting (the Cloudflare API token): its text is read only through {@link #reveal()}, so that printing
 * or logging a configuration never shows it; {@link #toString()} is {@code ***}. Immutable and thread-safe.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * A secret holding the text, stripped.
     *
     * @throws IllegalArgumentException when the text is null or blank
     */
    public static Secret of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be blank");
        }
        return new Secret(text.strip());
    }

    /** The secret text, to be put in a request header and nowhere else. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "***";
    }
}
