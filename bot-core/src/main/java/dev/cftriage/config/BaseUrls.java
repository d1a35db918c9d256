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
            throw new BadInputException(what + " is not a URL: " + redacted(stripped));
        }
        String scheme = uri.getScheme() == null ? "" : Ascii.lower(uri.getScheme());
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new BadInputException(what + " must be an http or https URL without user, query or fragment, not "
                    + redacted(stripped));
        }
        return stripped.endsWith("/") ? stripped : stripped + "/";
    }

    /**
     * What a message may show of a configured URL: its scheme, host and port, with {@code ***} for user info, query
     * and fragment and {@code …} for a path; for text that is no URL with a host, only its length. A credential
     * written anywhere into a URL ({@code user:TOKEN@}, {@code ?api_key=…}, a webhook path) is so never echoed.
     */
    static String redacted(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return "(" + text.length() + " characters, not shown: it may hold a secret)";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + (uri.getRawUserInfo() != null ? "***@" : "") + uri.getHost()
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + (path.isEmpty() || path.equals("/") ? path : "/…")
                + (uri.getRawQuery() != null ? "?***" : "") + (uri.getRawFragment() != null ? "#***" : "");
    }
}
