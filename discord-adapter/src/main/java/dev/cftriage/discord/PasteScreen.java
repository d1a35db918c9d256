package dev.cftriage.discord;

/**
 * The cheap first look at a channel message, before the paste parser: most chatter is turned away here in time
 * linear in at most {@link #SCREENED_CHARS} characters, on the gateway's event thread. A paste can describe an error
 * only if it names a code, and the parser reads codes only from ASCII digits: so a message passes when, within its
 * first {@link #SCREENED_CHARS} characters, a run of ASCII digits (not part of a longer run) is a status from 500
 * to 530 or a Cloudflare code from 1000 to 1999. Stateless and thread-safe.
 *
 * <p>Passing says nothing yet: the parser decides. A code written only as HTML or JSON character escapes
 * ({@code &#53;23}) does not pass; no real error page or header dump is written that way.
 */
final class PasteScreen {
    /** How much of a message is looked at, by this screen and by the parser: Discord's longest message (Nitro). */
    static final int SCREENED_CHARS = 4_000;

    private PasteScreen() {
    }

    /** True when the message may describe a Cloudflare error and deserves the parser; null gives false. */
    static boolean mayDescribeError(String text) {
        if (text == null) {
            return false;
        }
        int end = Math.min(text.length(), SCREENED_CHARS);
        int digits = 0;
        int value = 0;
        for (int i = 0; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                digits++;
                value = digits <= 4 ? value * 10 + (c - '0') : value;
                continue;
            }
            if ((digits == 3 && value >= 500 && value <= 530) || (digits == 4 && value >= 1000 && value <= 1999)) {
                return true;
            }
            digits = 0;
            value = 0;
        }
        return false;
    }

    /** The part of the message the parser looks at when detecting a paste: its first {@link #SCREENED_CHARS}. */
    static String screenedPart(String text) {
        if (text.length() <= SCREENED_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SCREENED_CHARS - 1)) ? SCREENED_CHARS - 1 : SCREENED_CHARS;
        return text.substring(0, end);
    }
}
