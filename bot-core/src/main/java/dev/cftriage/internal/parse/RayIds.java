package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;

/** Reads a Ray ID as pages, headers and people write it: 16 hex digits, optionally {@code -IATA}. */
final class RayIds {
    static final int HEX_DIGITS = 16;

    private RayIds() {
    }

    /** A Ray ID split into its id (lower-case hex) and its colo suffix (upper case, or null). */
    record Ray(String id, String colo) {
    }

    /** The Ray ID in {@code text}, or null when it is not 16 hex digits with an optional 3-letter suffix. */
    static Ray parse(String text) {
        if (text == null || text.length() < HEX_DIGITS || text.length() > HEX_DIGITS + 4) {
            return null;
        }
        for (int i = 0; i < HEX_DIGITS; i++) {
            if (!Ascii.hexDigit(text.charAt(i))) {
                return null;
            }
        }
        String id = Ascii.lower(text.substring(0, HEX_DIGITS));
        if (text.length() == HEX_DIGITS) {
            return new Ray(id, null);
        }
        String suffix = text.substring(HEX_DIGITS);
        if (suffix.length() != 4 || suffix.charAt(0) != '-' || !Ascii.letters(suffix.substring(1))) {
            return null;
        }
        return new Ray(id, Ascii.upper(suffix.substring(1)));
    }

    /** The leading run of letters, digits and hyphens in a token (what a Ray ID slot holds), at most 40 chars. */
    static String slotValue(String token) {
        int end = 0;
        while (end < token.length() && end < 40 && (Character.isLetterOrDigit(token.charAt(end)) || token.charAt(end) == '-')) {
            end++;
        }
        return token.substring(0, end);
    }
}
