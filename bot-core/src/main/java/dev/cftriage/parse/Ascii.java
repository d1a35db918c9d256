package dev.cftriage.parse;

/**
 * ASCII character classes. Pastes are untrusted: {@link Character#isDigit}, {@link Character#digit} and
 * {@link Character#isLetter} accept other scripts' digits and letters ({@code ٨}, {@code ８}, {@code Ä}), which
 * {@link Integer#parseInt} then reads as numbers. Codes, Ray IDs and IATA codes are ASCII only. Stateless.
 */
final class Ascii {
    private Ascii() {
    }

    static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean hexDigit(int c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean letter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** True when the text is not empty and every character is an ASCII letter. */
    static boolean letters(String text) {
        return !text.isEmpty() && text.chars().allMatch(Ascii::letter);
    }

    /** True when {@code text} ends with {@code lowerSuffix}, comparing ASCII letters without case. */
    static boolean endsWithIgnoreCase(String text, String lowerSuffix) {
        return text.regionMatches(true, text.length() - lowerSuffix.length(), lowerSuffix, 0, lowerSuffix.length());
    }
}
