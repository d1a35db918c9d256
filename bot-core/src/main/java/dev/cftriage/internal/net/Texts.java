package dev.cftriage.internal.net;

/** Small helpers for putting untrusted text into messages. */
public final class Texts {
    private Texts() {
    }

    /** The text cut to at most {@code max} characters, control characters replaced, with an ellipsis when cut. */
    public static String clip(String text, int max) {
        StringBuilder s = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && s.length() < max; i++) {
            char c = text.charAt(i);
            s.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > max ? s.append('…').toString() : s.toString();
    }
}
