package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.HostPort;
import dev.cftriage.internal.net.Texts;
import java.util.Locale;

/**
 * An http(s) URL found in a paste, split into the parts triage needs. User info ({@code user:pass@}) is dropped
 * from {@link #url()} so that credentials never travel further, and a control character ({@link Texts#control}) ends
 * the URL: in the host it makes the URL unusable, in the path the URL is read up to it.
 *
 * @param url the URL without user info
 * @param host the normalised host
 * @param port the port the URL names explicitly, or null
 */
record WebAddress(String url, String host, Integer port) {
    /** Longest URL taken from a paste. */
    static final int MAX_URL_LENGTH = 2048;

    /** True when the word starts with {@code http://} or {@code https://} (any case). */
    static boolean isUrl(String word) {
        return schemeLength(word) > 0;
    }

    /**
     * Reads a URL.
     *
     * @param strict true to throw on a bad host or port, false to return null instead
     * @return the URL, or null when the word is not a usable URL (and {@code strict} is false)
     * @throws BadInputException when {@code strict} and the URL's host or port is invalid
     */
    static WebAddress parse(String word, boolean strict) {
        int scheme = schemeLength(word);
        if (scheme == 0 || word.length() > MAX_URL_LENGTH) {
            return null;
        }
        int end = scheme;
        while (end < word.length() && "/?#".indexOf(word.charAt(end)) < 0) {
            end++;
        }
        int control = Texts.firstControl(word);
        if (control >= 0 && control < end) {
            return fail(strict, "the URL '" + Texts.clip(word, 60) + "' holds a control character in its host");
        }
        if (control >= 0) {
            word = word.substring(0, control);
        }
        String authority = word.substring(scheme, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        HostPort split;
        try {
            split = HostPort.parse(authority);
        } catch (BadInputException e) {
            return fail(strict, "the URL '" + Texts.clip(word, 60) + "': " + e.getMessage());
        }
        String hostPart = split.host();
        if (hostPart.isEmpty()) {
            return fail(strict, "the URL '" + Texts.clip(word, 60) + "' names no host");
        }
        String host = strict ? HostTokens.strict(hostPart) : HostTokens.lenient(hostPart);
        if (host == null) {
            return null;
        }
        String url = Ascii.lower(word.substring(0, scheme)) + authority + word.substring(end);
        return new WebAddress(url, host, split.port());
    }

    private static int schemeLength(String word) {
        if (word.regionMatches(true, 0, "https://", 0, 8)) {
            return 8;
        }
        return word.regionMatches(true, 0, "http://", 0, 7) ? 7 : 0;
    }

    private static WebAddress fail(boolean strict, String reason) {
        if (strict) {
            throw new BadInputException(reason);
        }
        return null;
    }
}
