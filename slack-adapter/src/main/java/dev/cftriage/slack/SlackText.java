package dev.cftriage.slack;

import java.util.regex.Pattern;

/**
 * Slack's message markup both ways: turned back into what the user typed (links {@code <https://x|x>}, user and
 * channel mentions, the {@code &amp; &lt; &gt;} escapes), and text escaped so that Slack shows it as typed.
 * Stateless.
 */
final class SlackText {
    private static final Pattern MENTION = Pattern.compile("<[@!#][^<>]*>");
    private static final Pattern LABELLED_LINK = Pattern.compile("<([^<>|]+)\\|([^<>]*)>");
    private static final Pattern LINK = Pattern.compile("<([^<>|@!#][^<>]*)>");

    private SlackText() {
    }

    /** The text without mentions (of the bot or anyone), trimmed; the rest is left for the parser. */
    private static String withoutMentions(String text) {
        return text == null ? "" : MENTION.matcher(text).replaceAll(" ").strip();
    }

    /**
     * The text as a person reads it: links shown by their label, mentions dropped, escapes undone. The result is raw
     * text (it may hold {@code <!channel>} again): {@link #escape} it before it goes back to Slack.
     */
    static String plain(String text) {
        String s = LABELLED_LINK.matcher(withoutMentions(text)).replaceAll("$2");
        s = LINK.matcher(s).replaceAll("$1");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }

    /** Escapes the three characters Slack's mrkdwn treats as control characters: no markup survives. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Escaped text cut to at most {@code max} characters, ending with "…" when cut; never inside an entity
     * ({@code &amp;}) or a surrogate pair.
     */
    static String clipEscaped(String escaped, int max) {
        return escaped.length() <= max ? escaped : escaped.substring(0, cutBefore(escaped, max - 1)) + "…";
    }

    /** Where to cut escaped text at or before {@code at}: never inside an entity or a surrogate pair. */
    static int cutBefore(String escaped, int at) {
        int amp = escaped.lastIndexOf('&', at - 1);
        if (amp >= 0 && escaped.indexOf(';', amp) >= at) {
            return amp;
        }
        return Character.isHighSurrogate(escaped.charAt(at - 1)) ? at - 1 : at;
    }
}
