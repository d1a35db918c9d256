package dev.cftriage.http;

/** Text from a request made safe for one log line: printable ASCII only, clipped. Stateless. */
public final class LogText {
    /** The longest piece of request text a log line carries. */
    public static final int MAX_CHARS = 80;

    private LogText() {
    }

    /**
     * The text with every character outside printable ASCII (line breaks, controls, non-ASCII) replaced by
     * {@code ?}, clipped to {@link #MAX_CHARS} with "…"; "-" for null. Looks at no more than {@link #MAX_CHARS}
     * characters.
     */
    public static String clean(String text) {
        if (text == null) {
            return "-";
        }
        int n = Math.min(text.length(), MAX_CHARS);
        StringBuilder s = new StringBuilder(n + 1);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > MAX_CHARS ? s.append('…').toString() : s.toString();
    }

    /** The text with ASCII capitals made small and every other character left as it is: linear, locale-free. */
    static String foldAscii(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (s == null) {
                    s = new StringBuilder(text);
                }
                s.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return s == null ? text : s.toString();
    }
}
