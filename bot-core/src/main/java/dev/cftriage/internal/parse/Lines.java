package dev.cftriage.internal.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paste into trimmed lines (blank lines kept as empty strings, since they end a header block) and its
 * lines into whitespace-separated words. A line longer than {@link #MAX_LINE} is cut into pieces, at whitespace when
 * there is some near the cut, so that no later step ever works on an unbounded line. Linear in the input.
 */
final class Lines {
    static final int MAX_LINE = 8192;
    /** Longest word kept whole; longer runs are skipped by the word readers. */
    static final int MAX_WORD = 512;

    private Lines() {
    }

    /** The lines of a text, each trimmed and at most {@link #MAX_LINE} characters long. */
    static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int nextLineFeed = -1;
        int nextReturn = -1;
        while (start <= n) {
            nextLineFeed = nextLineFeed < start ? indexOrLength(text, '\n', start) : nextLineFeed;
            nextReturn = nextReturn < start ? indexOrLength(text, '\r', start) : nextReturn;
            int end = Math.min(nextLineFeed, nextReturn);
            addPieces(lines, text, start, end);
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return lines;
    }

    /**
     * The index of the next {@code c} from {@code from}, or the text's length. Readers keep the answer until they have
     * passed it, so that each stretch of text is searched once.
     */
    static int indexOrLength(String text, char c, int from) {
        int at = text.indexOf(c, from);
        return at < 0 ? text.length() : at;
    }

    /** The words of a line, split at whitespace; words longer than {@link #MAX_WORD} become empty strings. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && space(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !space(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(i - start > MAX_WORD ? "" : line.substring(start, i));
            }
        }
        return words;
    }

    private static void addPieces(List<String> lines, String text, int start, int end) {
        int from = start;
        while (end - from > MAX_LINE) {
            int cut = from + MAX_LINE;
            int back = cut;
            while (back > cut - 256 && !space(text.charAt(back))) {
                back--;
            }
            if (back > cut - 256) {
                cut = back;
            }
            lines.add(stripped(text, from, cut));
            from = cut;
        }
        lines.add(stripped(text, from, end));
    }

    /** {@code text.substring(from, to).strip()}, copying once. */
    private static String stripped(String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * True for whitespace: what {@link Character#isWhitespace} or {@link Character#isSpaceChar} accept, and NEL
     * (U+0085), written out as comparisons because this runs for every character of every paste.
     */
    static boolean space(char c) {
        if (c < 0x80) {
            return c <= ' ' && (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F));
        }
        if (c < 0x2000) {
            return c == 0x85 || c == 0xA0 || c == 0x1680;
        }
        return c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }
}
