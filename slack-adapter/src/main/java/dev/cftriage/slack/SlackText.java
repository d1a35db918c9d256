package dev.cftriage.slack;

import java.util.regex.Pattern;

/**
 * Slack's message markup turned back into what the user typed: links ({@code <https://x|x>}), user and channel
 * mentions, and the {@code &amp; &lt; &gt;} escapes. Stateless.
 */
final class SlackText {
    private static final Pattern MENTION = Pattern.compile("<[@!#][^>]*>");
    private static final Pattern LABELLED_LINK = Pattern.compile("<([^<>|]+)\\|([^<>]*)>");
    private static final Pattern LINK = Pattern.compile("<([^<>|@!#][^<>]*)>");

    private SlackText() {
    }

    /** The text without mentions (of the bot or anyone), trimmed; the rest is left for the parser. */
    static String withoutMentions(String text) {
        return text == null ? "" : MENTION.matcher(text).replaceAll(" ").strip();
    }

    /** The text as a person reads it: links shown by their label, mentions dropped, escapes undone. */
    static String plain(String text) {
        String s = LABELLED_LINK.matcher(withoutMentions(text)).replaceAll("$2");
        s = LINK.matcher(s).replaceAll("$1");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }
}
