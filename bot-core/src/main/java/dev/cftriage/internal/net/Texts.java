package dev.cftriage.internal.net;

/** Small helpers for putting untrusted text into messages. Stateless and thread-safe. */
public final class Texts {
    private Texts() {
    }

    /**
     * The text cut to at most {@code max} characters, control characters ({@link #control}) replaced by {@code ?},
     * with an ellipsis when cut.
     */
    public static String clip(String text, int max) {
        StringBuilder s = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && s.length() < max; i++) {
            char c = text.charAt(i);
            s.append(control(c) ? '?' : c);
        }
        return text.length() > max ? s.append('…').toString() : s.toString();
    }

    /**
     * True for a character that must never survive inside a host, a URL or a message line: C0 and C1 controls
     * (U+0085 included), DEL, the line and paragraph separators, and the bidirectional controls that reorder what a
     * reader sees (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
     */
    public static boolean control(char c) {
        return Character.isISOControl(c) || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u2028' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The text with every {@link #control} character but line feed and tab replaced by {@code ?}: safe to print. */
    public static String printable(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            s.append(c != '\n' && c != '\t' && control(c) ? '?' : c);
        }
        return s.toString();
    }

    /** The index of the first {@link #control} character in the text, or -1. */
    public static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (control(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
