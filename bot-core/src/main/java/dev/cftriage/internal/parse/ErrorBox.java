package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;

/**
 * Reads the box Cloudflare puts into every custom error page (and old pages showed on their own), line by line:
 * {@code Error reference number: 522}, {@code Cloudflare Location: Newark}, {@code Requested URL: example.com/},
 * {@code Your IP address: 203.0.113.7} (or {@code IP Address:} on an Access page). A fragment of the box with only a
 * Ray ID and a reference number is still an error to triage. Stateless.
 */
final class ErrorBox {
    private static final String REFERENCE = "error reference number:";
    private static final String LOCATION = "cloudflare location:";
    private static final String REQUESTED = "requested url:";
    private static final String[] IP_LABELS = {"your ip address:", "ip address:"};
    private static final String SOURCE = "the error box";

    private ErrorBox() {
    }

    /**
     * Offers what one line of the box says.
     *
     * @return true when the line is one only Cloudflare's box writes (the reference number or the location)
     */
    static boolean read(String line, Clues clues) {
        String reference = after(line, REFERENCE);
        if (reference != null) {
            int digits = 0;
            while (digits < reference.length() && digits < 5 && Ascii.digit(reference.charAt(digits))) {
                digits++;
            }
            boolean code = (digits == 3 || digits == 4) && (digits == reference.length() || reference.charAt(digits) == ' ');
            if (code) {
                clues.code(Integer.parseInt(reference.substring(0, digits)), SOURCE);
                clues.saw(PasteFormat.ERROR_PAGE_TEXT);
            }
            return code;
        }
        String location = after(line, LOCATION);
        if (location != null) {
            boolean city = clues.city(location, SOURCE);
            if (city) {
                clues.saw(PasteFormat.ERROR_PAGE_TEXT);
            }
            return city;
        }
        String requested = after(line, REQUESTED);
        if (requested != null) {
            int slash = requested.indexOf('/');
            WebAddress url = WebAddress.parse(requested, false);
            if (url != null) {
                clues.url(url, SOURCE);
            } else if (!WebAddress.isUrl(requested)) {
                clues.host(HostTokens.lenientWithPort(slash < 0 ? requested : requested.substring(0, slash)), SOURCE);
            }
            return false;
        }
        for (String label : IP_LABELS) {
            String ip = after(line, label);
            if (ip != null) {
                String literal = HostTokens.visitorIp(ip);
                if (literal != null) {
                    clues.visitorIp(literal);
                }
                return false;
            }
        }
        return false;
    }

    /** The rest of the line after a label it starts with (any case), stripped; null when it does not start so. */
    private static String after(String line, String lowerLabel) {
        return line.regionMatches(true, 0, lowerLabel, 0, lowerLabel.length())
                ? line.substring(lowerLabel.length()).strip() : null;
    }
}
