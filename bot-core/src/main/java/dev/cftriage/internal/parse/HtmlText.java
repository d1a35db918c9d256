package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Turns an HTML paste into what a browser would show, plus the few things only the markup holds: the title, where
 * the markup starts (text before it, such as a {@code curl} command line, is no part of the page), and whether
 * Cloudflare's error page classes are present. Block tags become line breaks, inline tags spaces; scripts, styles
 * and comments are dropped; character references are decoded
 * (every HTML named entity, from jsoup's table). One pass, linear even for unclosed tags and comments.
 *
 * @param title the decoded title, or null
 * @param text the visible text
 * @param textBeforeMarkup how many characters of {@code text} came before the first tag
 * @param cloudflareMarkup true when Cloudflare's error page classes or ids appear
 */
record HtmlText(String title, String text, int textBeforeMarkup, boolean cloudflareMarkup) {
    private static final int MAX_TITLE = 512;
    private static final List<String> HTML_MARKS = List.of("<html", "<!doctype", "<head", "<body", "<title", "<div", "<p>", "<h1");
    private static final List<String> CLOUDFLARE_MARKS = List.of("cf-error-details", "cf-wrapper", "cf-error-footer",
            "cf-error-code", "cf-footer-item", "cf-error-source", "cf-footer-ip", "cf-browser-status", "cf-host-status",
            "cf-cloudflare-status", "cf-error-overview", "5xx-error-landing");
    private static final List<String> INLINE = List.of("a", "abbr", "b", "bdi", "bdo", "button", "code", "em", "font", "i",
            "kbd", "label", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var");
    private static final List<String> SKIPPED = List.of("script", "style", "template");
    /** What each tag named above does to the text, looked up once per tag; every other tag breaks the line. */
    private static final Map<String, TagRole> TAG_ROLES = tagRoles();
    /**
     * Named references read as plain ASCII rather than as HTML defines them, so that a no-break space splits and
     * strips like a space and a curly quote reads like a straight one; every other name comes from jsoup's table.
     */
    private static final Map<String, String> PLAIN_ENTITIES = Map.of("nbsp", " ", "rsquo", "'", "lsquo", "'");
    /** The longest entity name looked for after an ampersand ({@code CounterClockwiseContourIntegral} is 31). */
    private static final int MAX_ENTITY_NAME = 32;

    /**
     * True when the whole paste is HTML escaped once more, as Slack delivers a message that holds markup
     * ({@code &lt;title&gt;…}).
     */
    static boolean escapedHtml(String lower) {
        return lower.indexOf('<') < 0 && lower.indexOf('&') >= 0 && (lower.contains("&lt;html") || lower.contains("&lt;title") || lower.contains("&lt;!doctype"));
    }

    /** True when the text has HTML markup an error page would have. */
    static boolean looksLikeHtml(String lower) {
        return lower.indexOf('<') >= 0 && HTML_MARKS.stream().anyMatch(lower::contains);
    }

    /** Reads an HTML paste; {@code lower} is {@link Ascii#foldedForSearch} of it. */
    static HtmlText read(String html, String lower) {
        StringBuilder out = new StringBuilder(html.length());
        String title = null;
        Set<String> missing = new HashSet<>();
        int n = html.length();
        int nextGt = -1;
        int nextLt = -1;
        int nextAmp = -1;
        int beforeMarkup = -1;
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '&') {
                i = entity(html, i, out);
                continue;
            }
            if (c != '<') {
                nextLt = nextLt < i ? Lines.indexOrLength(html, '<', i) : nextLt;
                nextAmp = nextAmp < i ? Lines.indexOrLength(html, '&', i) : nextAmp;
                int runEnd = Math.min(nextLt, nextAmp);
                out.append(html, i, runEnd);
                i = runEnd;
                continue;
            }
            if (i + 1 >= n || !tagStart(html.charAt(i + 1))) {
                out.append(c);
                i++;
                continue;
            }
            if (beforeMarkup < 0) {
                beforeMarkup = out.length();
            }
            if (lower.startsWith("<!--", i)) {
                i = after(lower, "-->", i + 4, n, missing);
                continue;
            }
            nextGt = nextGt < i ? Lines.indexOrLength(html, '>', i) : nextGt;
            if (nextGt == n) {
                out.append(c);
                i++;
                continue;
            }
            String name = tagName(html, lower, i + 1, nextGt);
            TagRole role = TAG_ROLES.get(name);
            boolean closing = html.charAt(i + 1) == '/';
            i = nextGt + 1;
            if (!closing && role == TagRole.SKIPPED) {
                i = after(lower, "</" + name, i, n, missing);
            } else if (!closing && role == TagRole.TITLE && title == null) {
                int end = lower.indexOf("</title", i);
                end = end < 0 ? Math.min(n, i + MAX_TITLE) : end;
                title = decode(html.substring(i, Math.min(end, i + MAX_TITLE))).strip();
                i = end;
            } else {
                out.append(role == TagRole.INLINE ? ' ' : '\n');
            }
        }
        return new HtmlText(title, out.toString(), beforeMarkup < 0 ? out.length() : beforeMarkup,
                CLOUDFLARE_MARKS.stream().anyMatch(lower::contains));
    }

    private static boolean tagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!';
    }

    /**
     * The tag's name in lower case, read up to the first character that is neither a letter nor a digit (judged on
     * the paste itself: {@code lower} has characters beyond Latin-1 replaced, and names holding them are no tag this
     * reader knows).
     */
    private static String tagName(String html, String lower, int from, int end) {
        int start = from < end && html.charAt(from) == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && stop - start < 16 && letterOrDigit(html.charAt(stop))) {
            stop++;
        }
        return lower.substring(start, stop);
    }

    /** {@link Character#isLetterOrDigit}, answered without a table lookup for ASCII, which tag names nearly always are. */
    private static boolean letterOrDigit(char c) {
        return c < 0x80 ? Ascii.letter(c) || Ascii.digit(c) : Character.isLetterOrDigit(c);
    }

    /** What a tag does to the text around it. */
    private enum TagRole {
        /** Inline markup: a space at most. */
        INLINE,
        /** Its content is no text (scripts, styles, templates). */
        SKIPPED,
        /** The page's title, kept apart from the text. */
        TITLE
    }

    private static Map<String, TagRole> tagRoles() {
        Map<String, TagRole> roles = new HashMap<>();
        INLINE.forEach(name -> roles.put(name, TagRole.INLINE));
        SKIPPED.forEach(name -> roles.put(name, TagRole.SKIPPED));
        roles.put("title", TagRole.TITLE);
        return Map.copyOf(roles);
    }

    /**
     * The index just after the next {@code marker} (and its closing {@code >}). When the marker never comes (a
     * pasted fragment cut mid-comment or mid-script), only the opening is skipped: {@code from} is returned, so that
     * the rest of the paste is still read. A marker found missing is remembered in {@code missing} and never
     * searched again, which keeps a paste of many unclosed comments linear.
     */
    private static int after(String lower, String marker, int from, int n, Set<String> missing) {
        int at = missing.contains(marker) ? -1 : lower.indexOf(marker, from);
        if (at < 0) {
            missing.add(marker);
            return from;
        }
        int gt = lower.indexOf('>', at);
        return gt < 0 ? n : gt + 1;
    }

    private static int entity(String html, int amp, StringBuilder out) {
        int semi = -1;
        for (int j = amp + 1; j < html.length() && j <= amp + MAX_ENTITY_NAME; j++) {
            if (html.charAt(j) == ';') {
                semi = j;
                break;
            }
        }
        String decoded = semi < 0 ? null : entityValue(html.substring(amp + 1, semi));
        if (decoded == null) {
            out.append('&');
            return amp + 1;
        }
        out.append(decoded);
        return semi + 1;
    }

    private static String entityValue(String name) {
        if (name.startsWith("#")) {
            boolean hex = name.startsWith("#x") || name.startsWith("#X");
            String digits = name.substring(hex ? 2 : 1);
            if (digits.isEmpty() || digits.length() > 7) {
                return null;
            }
            try {
                int cp = Integer.parseInt(digits, hex ? 16 : 10);
                return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String plain = PLAIN_ENTITIES.get(name);
        if (plain != null) {
            return plain;
        }
        return Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
    }

    /** The text with character references ({@code &amp;}, {@code &lt;}, {@code &#39;} …) decoded. */
    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (amp >= 0) {
            out.append(text, i, amp);
            i = entity(text, amp, out);
            amp = text.indexOf('&', i);
        }
        return out.append(text, i, text.length()).toString();
    }
}
