package dev.cftriage.parse;

/**
 * Reads a paste or a command's text and recovers what it says about a Cloudflare error.
 */
public final class PasteParser {
    /** The largest paste accepted, in characters. */
    public static final int MAX_PASTE_CHARS = 2 * 1024 * 1024;

    private PasteParser() {
    }

    /**
     * Parses a paste.
     *
     * @throws dev.cftriage.BadInputException when the paste is larger than {@link #MAX_PASTE_CHARS}
     */
    public static ParsedPaste parse(String text) {
        throw new UnsupportedOperationException("the parser lands with the parser commit");
    }
}
