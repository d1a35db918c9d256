package dev.cftriage.config;

import dev.cftriage.input.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import dev.cftriage.internal.net.Ascii;

/** Checks and normalises the base URL of an operator-configured service (the Cloudflare API, the status page). */
final class BaseUrls {
    private BaseUrls() {
    }

    /**
     * The URL as an absolute {@code http} or {@code https} URL without query or fragment, ending in {@code /}; null
     * stays null.
     *
     * @throws BadInputException naming {@code what} when the text is not such a URL
     */
    static String normalise(String text, String what) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        URI uri;
        try {
            uri = new URI(stripped);
        } catch (URISyntaxException e) {
            throw new BadInputException(what + " is not a URL: " + Quoted.of(redacted(stripped)));
        }
        String scheme = uri.getScheme() == null ? "" : Ascii.lower(uri.getScheme());
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new BadInputException(what + " must be an http or https URL without user, query or fragment, not "
                    + Quoted.of(redacted(stripped)));
        }
        return stripped.endsWith("/") ? stripped : stripped + "/";
    }

    /**
     * The text with the user info of its authority ({@code user:TOKEN@}) replaced by {@code ***@}, and its query and
     * fragment by {@code ?***} and {@code #***}, so that a credential written into a URL ({@code ?api_key=…}) is never
     * echoed in a message. Works on text that is not a valid URL too.
     */
    static String redacted(String text) {
        int scheme = text.indexOf("://");
        int from = scheme < 0 ? 0 : scheme + 3;
        int end = from;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        int at = end == from ? -1 : text.lastIndexOf('@', end - 1);
        String authority = at < from ? text.substring(0, end) : text.substring(0, from) + "***" + text.substring(at, end);
        int rest = end;
        while (rest < text.length() && "?#".indexOf(text.charAt(rest)) < 0) {
            rest++;
        }
        String tail = rest == text.length() ? "" : text.charAt(rest) + "***";
        return authority + text.substring(end, rest) + tail;
    }
}
