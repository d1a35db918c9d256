package dev.cftriage.config;

import dev.cftriage.input.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

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
            throw new BadInputException(what + " is not a URL: " + Quoted.of(stripped));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new BadInputException(what + " must be an http or https URL without user, query or fragment, not "
                    + Quoted.of(stripped));
        }
        return stripped.endsWith("/") ? stripped : stripped + "/";
    }
}
