package dev.cftriage.config;

/** Puts a setting's text into a one-line message: quoted, cut to 40 characters, control characters replaced. */
final class Quoted {
    private static final int MAX = 40;

    private Quoted() {
    }

    static String of(String text) {
        String shown = text.length() > MAX ? text.substring(0, MAX) + "…" : text;
        return "'" + shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "'";
    }
}
