package dev.cftriage.incidents;

/** Small helpers for text that came from outside (hosts, user names, settings): bounded and ASCII-folded. Stateless. */
final class Texts {
    private Texts() {
    }

    /** The text cut to {@code max} characters, with an ellipsis when cut; null stays null. */
    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    /** The text as a log line may hold it: control characters (line breaks among them) as '?', clipped to 300. */
    static String loggable(String text) {
        String clipped = clip(text == null ? "" : text, 300);
        StringBuilder out = new StringBuilder(clipped.length());
        for (int i = 0; i < clipped.length(); i++) {
            char c = clipped.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /** The text clipped and in quotes, for an error message. */
    static String quoted(String text) {
        return "\"" + clip(text == null ? "" : text.strip(), 40) + "\"";
    }

    /**
     * A host name as incidents key it: stripped, without a trailing dot, ASCII letters folded to lower case (never
     * {@code String.toLowerCase}: the text is untrusted), at most 253 characters.
     *
     * @throws IllegalArgumentException when nothing is left or it is longer than a host name can be
     */
    static String hostKey(String host) {
        if (host == null) {
            throw new IllegalArgumentException("no host given");
        }
        String h = host.strip();
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.length() > 253) {
            throw new IllegalArgumentException("not a host name: " + quoted(host));
        }
        StringBuilder out = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
