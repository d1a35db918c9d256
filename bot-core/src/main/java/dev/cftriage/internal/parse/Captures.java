package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes off the wrapping that tools put around a page before it reached the paste: JSON string escapes
 * ({@code <p class=\"x\">…\n}), a prefix repeated on every line (an R console's {@code #>}, a RouterOS list's
 * {@code add list=… address=}), Playwright's ARIA snapshot lines ({@code - strong: …}, {@code - text: Ashburn}) and
 * the chunk sizes of a raw chunked HTTP response. A paste that has none of these comes back unchanged. Stateless;
 * linear in the paste.
 */
final class Captures {
    /** Lines that must share a prefix, in a row, before it is taken for a capture's wrapping. */
    static final int MIN_PREFIXED_RUN = 5;
    /** ARIA snapshot lines a paste must hold before they are read as a snapshot. */
    static final int MIN_SNAPSHOT_LINES = 5;
    private static final int MAX_PREFIX = 64;
    /** Where a line prefix may end. */
    private static final String BOUNDARIES = " \t=>";

    private Captures() {
    }

    /** The paste without its capture wrapping; the same text when it has none. */
    static String unwrap(String text) {
        String out = jsonUnescaped(text);
        return mayHoldLineWrapping(out) ? withoutLineWrapping(out) : out;
    }

    /** The text without repeated line prefixes, snapshot markup and chunk sizes; the same text when it has none. */
    static String withoutLineWrapping(String text) {
        List<String> raw = rawLines(text);
        List<String> lines = withoutChunkSizes(AriaSnapshot.lines(withoutRepeatedPrefixes(raw)));
        return lines == raw ? text : String.join("\n", lines);
    }

    /**
     * Undoes JSON string escapes when the paste is markup escaped as a JSON string: an escaped attribute quote
     * ({@code =\"}) and an escaped line break ({@code \n}) both appear, and no raw quote follows an equals sign.
     */
    static String jsonUnescaped(String text) {
        if (!text.contains("=\\\"") || !text.contains("\\n") || text.contains("=\"")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(i + 1);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '"', '/', '\\' -> out.append(next);
                default -> {
                    out.append(c);
                    continue;
                }
            }
            i++;
        }
        return out.toString();
    }

    /**
     * False when no line wrapping can be in the text, found without copying it: no {@link #MIN_PREFIXED_RUN} lines in
     * a row start like a usable prefix, fewer than {@link #MIN_SNAPSHOT_LINES} lines start like a snapshot node, and
     * no line names a transfer encoding. Every paste takes this pass; only the few it lets through are split into lines.
     */
    private static boolean mayHoldLineWrapping(String text) {
        int run = 0;
        int listItems = 0;
        int start = 0;
        while (true) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            run = startsLikePrefix(text, start, end) ? run + 1 : 0;
            listItems += startsLikeListItem(text, start, end) ? 1 : 0;
            boolean encoding = end - start <= 64 && text.regionMatches(true, start, "transfer-encoding:", 0, 18);
            if (run >= MIN_PREFIXED_RUN || listItems >= MIN_SNAPSHOT_LINES || encoding) {
                return true;
            }
            if (newline < 0) {
                return false;
            }
            start = newline + 1;
        }
    }

    /**
     * True when the line could start with a usable prefix: before its first {@code <} or digit, within
     * {@link #MAX_PREFIX} characters, there are a {@code >} or {@code =} and two different marks (a usable
     * prefix has both, and it lies within that stretch).
     */
    private static boolean startsLikePrefix(String text, int start, int end) {
        int first = -1;
        boolean twoMarks = false;
        boolean closing = false;
        for (int i = start; i < end && i < start + MAX_PREFIX; i++) {
            char c = text.charAt(i);
            if (c == '<' || Ascii.digit(c)) {
                return false;
            }
            if (c != ' ' && c != '\t') {
                first = first < 0 ? c : first;
                twoMarks |= c != first;
            }
            closing |= c == '>' || c == '=';
            if (closing && twoMarks) {
                return true;
            }
        }
        return false;
    }

    /** True when the line starts, after spaces, with {@code - } and more: the shape of a snapshot node. */
    private static boolean startsLikeListItem(String text, int start, int end) {
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i + 2 < end && text.charAt(i) == '-' && text.charAt(i + 1) == ' ';
    }

    private static List<String> rawLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            lines.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            if (newline < 0) {
                return lines;
            }
            start = newline + 1;
        }
    }

    /**
     * Strips a prefix that at least {@link #MIN_PREFIXED_RUN} lines in a row share: a console's prompt ending in
     * {@code >} ({@code #>}) or a command ending in {@code =} ({@code add list=x address=}). The prefix holds no digit
     * (log lines share dates), no {@code <} (indented markup keeps its tags), and is more than one mark repeated
     * ({@code >} of curl's verbose output or a Markdown quote); a lone {@code key=} ({@code origin=} on every line) or
     * a header name ({@code Set-Cookie:}) is data, not wrapping.
     */
    static List<String> withoutRepeatedPrefixes(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean stripped = false;
        int i = 0;
        while (i < lines.size()) {
            String prefix = prefixCandidate(lines.get(i));
            int end = i + 1;
            while (prefix != null && end < lines.size()) {
                String shared = sharedPrefix(prefix, lines.get(end));
                if (!usablePrefix(shared)) {
                    break;
                }
                prefix = shared;
                end++;
            }
            if (prefix != null && end - i >= MIN_PREFIXED_RUN && usablePrefix(prefix)) {
                for (int j = i; j < end; j++) {
                    out.add(lines.get(j).substring(prefix.length()));
                }
                stripped = true;
                i = end;
            } else {
                out.add(lines.get(i));
                i++;
            }
        }
        return stripped ? out : lines;
    }

    /** The start of a line up to its first {@code <} or digit, cut back to end at a blank, {@code =} or {@code >}. */
    private static String prefixCandidate(String line) {
        int end = 0;
        while (end < line.length() && end < MAX_PREFIX && line.charAt(end) != '<' && !Ascii.digit(line.charAt(end))) {
            end++;
        }
        while (end > 0 && BOUNDARIES.indexOf(line.charAt(end - 1)) < 0) {
            end--;
        }
        String candidate = line.substring(0, end);
        return usablePrefix(candidate) ? candidate : null;
    }

    /** The common start of a prefix and a line, cut back to end at a blank, {@code =} or {@code >}. */
    private static String sharedPrefix(String prefix, String line) {
        int n = 0;
        int max = Math.min(prefix.length(), line.length());
        while (n < max && prefix.charAt(n) == line.charAt(n)) {
            n++;
        }
        if (n == prefix.length() && n == line.length()) {
            return prefix;
        }
        while (n > 0 && BOUNDARIES.indexOf(prefix.charAt(n - 1)) < 0) {
            n--;
        }
        return prefix.substring(0, n);
    }

    private static boolean usablePrefix(String prefix) {
        String marks = prefix.strip();
        if (marks.length() < 2 || prefix.indexOf('<') >= 0) {
            return false;
        }
        boolean oneMarkRepeated = true;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (Ascii.digit(c)) {
                return false;
            }
            oneMarkRepeated &= c == marks.charAt(0) || c == ' ' || c == '\t';
        }
        char last = marks.charAt(marks.length() - 1);
        return !oneMarkRepeated && (last == '>' || (last == '=' && marks.indexOf(' ') > 0));
    }

    /**
     * Drops the chunk-size lines ({@code 169f}, {@code 0}) of a raw response whose headers say
     * {@code Transfer-Encoding: chunked}; other pastes keep every line.
     */
    static List<String> withoutChunkSizes(List<String> lines) {
        boolean chunked = false;
        for (String line : lines) {
            if (line.length() < 64 && line.regionMatches(true, 0, "transfer-encoding:", 0, 18)
                    && line.substring(18).strip().regionMatches(true, 0, "chunked", 0, 7)) {
                chunked = true;
                break;
            }
        }
        if (!chunked) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (!chunkSize(line.strip())) {
                out.add(line);
            }
        }
        return out;
    }

    private static boolean chunkSize(String line) {
        return !line.isEmpty() && line.length() <= 8 && line.chars().allMatch(Ascii::hexDigit);
    }
}
