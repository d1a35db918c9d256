package dev.cftriage.discord;

/**
 * Outside text (a paste, a probed server's headers and certificate, error strings, host names) made inert for
 * Discord's Markdown: shown as written, never as formatting, a link (masked or bare), a mention, a heading, a list
 * or a quote. Stateless and thread-safe; time linear in the text.
 *
 * <p>JDA's {@code MarkdownSanitizer} escapes only emphasis, code, spoilers and quotes, and leaves an escape the
 * text already has in place (so a trailing backslash would escape the next character of our own markup); Discord
 * also renders masked links, headings, lists and mentions. So this escapes, with a backslash, every character that
 * starts one of those anywhere ({@code \ * _ ~ | [ ] < @}) and, at the start of a line, {@code # > - +} and the
 * dot of a numbered item ({@code 12. }), and the colon of {@code ://} so that a URL a server sends is not made
 * clickable. Discord drops a backslash before any punctuation, so escaped text reads as written.
 *
 * <p>A pair of backticks on one line around at least one character is kept as a code span (the catalog's fix steps
 * quote commands that way; nothing renders inside one, so a link or mention there stays text); every other backtick
 * is escaped, so a span can never be left open. Inside a code span escapes are shown literally, so {@link #code}
 * replaces backticks instead.
 */
final class DiscordMarkdown {
    /** What a backtick becomes inside a code span: U+02CB MODIFIER LETTER GRAVE ACCENT, which looks alike. */
    static final char BACKTICK_STAND_IN = '\u02CB';

    private DiscordMarkdown() {
    }

    /** The text escaped to read as written in a Markdown field or message; null becomes "". */
    static String text(String outside) {
        if (outside == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(outside.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < outside.length(); i++) {
            char c = outside.charAt(i);
            if (c == '\n') {
                out.append(c);
                lineStart = true;
                continue;
            }
            if (lineStart && (c == ' ' || c == '\t')) {
                out.append(c);
                continue;
            }
            if (lineStart) {
                lineStart = false;
                if (c == '#' || c == '>' || c == '-' || c == '+') {
                    out.append('\\').append(c);
                    continue;
                }
                int dot = numberedItemDot(outside, i);
                if (dot > 0) {
                    out.append(outside, i, dot).append("\\.");
                    i = dot;
                    continue;
                }
            }
            if (c == '`') {
                int close = closingBacktick(outside, i);
                if (close > 0) {
                    out.append(outside, i, close + 1);
                    i = close;
                    continue;
                }
                out.append('\\');
            } else if (special(c) || (c == ':' && outside.startsWith("//", i + 1))) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The text as an inline code span: backticks replaced by {@link #BACKTICK_STAND_IN}, line breaks by spaces,
     * wrapped in backticks; an empty text gives a span of one space, as an empty span would show its backticks.
     */
    static String code(String outside) {
        String inner = outside == null || outside.isEmpty() ? " " : outside.replace('`', BACKTICK_STAND_IN)
                .replace('\n', ' ').replace('\r', ' ');
        return "`" + inner + "`";
    }

    /** The index of the dot when a numbered list item ("12. ") starts at {@code at}, else -1. */
    private static int numberedItemDot(String text, int at) {
        int dot = at;
        while (dot < text.length() && text.charAt(dot) >= '0' && text.charAt(dot) <= '9') {
            dot++;
        }
        boolean item = dot > at && dot < text.length() && text.charAt(dot) == '.'
                && (dot + 1 == text.length() || text.charAt(dot + 1) == ' ' || text.charAt(dot + 1) == '\t'
                        || text.charAt(dot + 1) == '\n');
        return item ? dot : -1;
    }

    /** The index of the backtick closing a code span opened at {@code open} on the same line, or -1. */
    private static int closingBacktick(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == '`') {
                return i > open + 1 ? i : -1;
            }
        }
        return -1;
    }

    private static boolean special(char c) {
        return switch (c) {
            case '\\', '*', '_', '~', '|', '[', ']', '<', '@' -> true;
            default -> false;
        };
    }
}
