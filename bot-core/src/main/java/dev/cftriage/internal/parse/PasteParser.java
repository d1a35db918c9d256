package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import dev.cftriage.input.BadInputException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads a paste or a command's text and recovers what it says about a Cloudflare error: Cloudflare's error pages
 * (HTML or copied as text), curl output and raw headers, {@code /cdn-cgi/trace} bodies, JSON error bodies, 1xxx
 * pages, alert messages and chat commands, also when a tool captured them (JSON-escaped, console- or list-prefixed,
 * as an ARIA snapshot, as a raw chunked response: see {@link Captures}). Parts that contradict each other, template
 * code, a Cloudflare-styled 5xx page without a Ray ID, or a page time far from when it was pasted mark the paste
 * suspicious.
 *
 * <p>Thread-safe and never touches the network. Runs in time linear in the paste: no backtracking regular
 * expressions, lines and words are bounded, and every list it builds is capped.
 */
public final class PasteParser {
    /** The largest paste accepted, in characters. */
    public static final int MAX_PASTE_CHARS = 2 * 1024 * 1024;
    /** Texts up to this long, on a few lines, are read as a command: an invalid host in them is an error. */
    static final int MAX_COMMAND_CHARS = 512;
    static final int MAX_COMMAND_LINES = 4;
    private static final double MEGABYTE = 1024 * 1024;

    private PasteParser() {
    }

    /**
     * Parses a paste without judging how old its time is.
     *
     * @param text the paste; null or blank gives {@link ParsedPaste#empty()}
     * @throws BadInputException when the paste is larger than {@link #MAX_PASTE_CHARS}, or when a short
     *         command-like text names a host that is neither a valid name nor an IP address
     */
    public static ParsedPaste parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a paste read at {@code now}: a page time far from it marks the paste suspicious (an old page, or a fake
     * whose date is frozen).
     *
     * @param text the paste; null or blank gives {@link ParsedPaste#empty()}
     * @param now when the paste was received, or null to skip the date check
     * @throws BadInputException when the paste is larger than {@link #MAX_PASTE_CHARS}, or when a short
     *         command-like text names a host that is neither a valid name nor an IP address
     */
    public static ParsedPaste parse(String text, Instant now) {
        if (text != null && text.length() > MAX_PASTE_CHARS) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "paste is %.1f MB; cf-triage reads at most %d MB — paste the error page's text, headers or Ray ID",
                    text.length() / MEGABYTE, Math.round(MAX_PASTE_CHARS / MEGABYTE)));
        }
        if (text == null || text.isBlank()) {
            return ParsedPaste.empty();
        }
        Clues clues = new Clues();
        text = Captures.unwrap(text);
        String lower = Ascii.foldedForSearch(text);
        if (HtmlText.escapedHtml(lower)) {
            text = HtmlText.decode(text);
            lower = Ascii.foldedForSearch(text);
        }
        boolean html = HtmlText.looksLikeHtml(lower);
        List<String> lines;
        int linesBeforeMarkup = Integer.MAX_VALUE;
        if (html) {
            HtmlText page = HtmlText.read(text, lower);
            clues.saw(PasteFormat.ERROR_PAGE_HTML);
            PageReader.markup(page, clues);
            lines = Lines.of(page.text());
            linesBeforeMarkup = Lines.of(page.text().substring(0, page.textBeforeMarkup())).size();
        } else {
            lines = Lines.of(text);
            JsonErrorReader.read(text, clues);
        }
        HeaderReader.read(lines, clues);
        HeaderReader.quoted(text, lower, clues);
        TraceReader.read(lines, clues);
        PageReader.read(lines, clues, html);
        PageLinks.hosts(text, lower, clues);
        TokenReader.read(lines, clues, mode(text, lines, clues), linesBeforeMarkup);
        PageLinks.codes(lower, clues);
        TemplateMarkers.read(lower, html, clues);
        return clues.build(clues.foundAnything() ? PasteFormat.COMMAND : PasteFormat.EMPTY, now);
    }

    private static TokenReader.Mode mode(String text, List<String> lines, Clues clues) {
        if (clues.sawAnyFormat()) {
            return TokenReader.Mode.STRUCTURED;
        }
        long nonBlank = lines.stream().filter(l -> !l.isEmpty()).count();
        boolean isShort = text.strip().length() <= MAX_COMMAND_CHARS && nonBlank <= MAX_COMMAND_LINES;
        return isShort ? TokenReader.Mode.COMMAND : TokenReader.Mode.FREE;
    }
}
