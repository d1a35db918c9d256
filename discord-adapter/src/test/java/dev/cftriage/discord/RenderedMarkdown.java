package dev.cftriage.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Markdown as Discord would, enough to find what outside text must never become: a live link (masked or a
 * bare URL), an unclosed code span, a mention, a heading or a quote. Escapes ({@code \} before punctuation) and code spans are
 * read first, so what they hide is not reported. For tests.
 */
final class RenderedMarkdown {
    private static final Pattern MASKED_LINK = Pattern.compile("\\[[^\\]]*\\]\\(");
    private static final Pattern BARE_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern MENTION = Pattern.compile("@everyone|@here|<@[!&]?\\d+>|<#\\d+>");
    private static final Pattern BLOCK_START = Pattern.compile("^\\s*(#{1,3} |-# |> |>>> )");

    private RenderedMarkdown() {
    }

    /** What in the Markdown is live formatting that outside text must not produce, one line each; empty when none. */
    static List<String> problems(String markdown) {
        List<String> out = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            StringBuilder live = new StringBuilder();
            boolean inSpan = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (inSpan) {
                    inSpan = c != '`';
                } else if (c == '\\' && i + 1 < line.length() && escapable(line.charAt(i + 1))) {
                    live.append('.');
                    i++;
                } else if (c == '`') {
                    inSpan = true;
                } else {
                    live.append(c);
                }
            }
            String seen = live.toString();
            if (inSpan) {
                out.add("unclosed code span: " + line);
            }
            if (MASKED_LINK.matcher(seen).find()) {
                out.add("live masked link: " + line);
            }
            if (BARE_URL.matcher(seen).find()) {
                out.add("live URL: " + line);
            }
            if (MENTION.matcher(seen).find()) {
                out.add("live mention: " + line);
            }
            if (BLOCK_START.matcher(seen).find()) {
                out.add("live heading or quote: " + line);
            }
        }
        return out;
    }

    /** The text a reader sees: escapes removed (code spans kept as they are). */
    static String shown(String markdown) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && escapable(markdown.charAt(i + 1))) {
                c = markdown.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean escapable(char c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
    }
}
