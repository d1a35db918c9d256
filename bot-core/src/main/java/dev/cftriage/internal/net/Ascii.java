package dev.cftriage.internal.net;

import java.nio.charset.StandardCharsets;

/**
 * ASCII character classes and case folding for untrusted text. {@link Character#isDigit}, {@link Character#digit}
 * and {@link Character#isLetter} accept other scripts' digits and letters ({@code ٨}, {@code ８}, {@code Ä}), which
 * {@link Integer#parseInt} then reads as numbers; codes, Ray IDs and IATA codes are ASCII only. And
 * {@link String#toLowerCase} is no fit for text from outside: it applies Unicode's special casing (Greek final
 * sigma looks at the word around every {@code Σ}, so a run of them folds in quadratic time), changes the length
 * ({@code İ} becomes two chars) and depends on a locale. The folding here changes {@code A}–{@code Z} only, in one
 * pass, so indexes stay aligned with the original text. Stateless and thread-safe; null is never accepted.
 */
public final class Ascii {
    private Ascii() {
    }

    public static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    public static boolean hexDigit(int c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    public static boolean letter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** True when the text is not empty and every character is an ASCII letter. */
    public static boolean letters(String text) {
        return !text.isEmpty() && text.chars().allMatch(Ascii::letter);
    }

    /** The text with {@code A}–{@code Z} lower-cased and every other character kept; same length. */
    public static String lower(String text) {
        return fold(text, 'A', 'Z', 'a' - 'A');
    }

    /** The text with {@code a}–{@code z} upper-cased and every other character kept; same length. */
    public static String upper(String text) {
        return fold(text, 'a', 'z', 'A' - 'a');
    }

    /**
     * The text prepared for finding ASCII words in it without regard to case: {@code A}–{@code Z} lower-cased, every
     * character above U+00FF replaced by U+00FF ({@code ÿ}), every other character kept. The length is the same, so
     * an index found in it is an index in the text; and the result is always a Latin-1 string, one byte a character,
     * so preparing a paste of two million characters costs one buffer and one copy of that size. For searching only,
     * never for showing: the replaced characters are gone.
     */
    public static String foldedForSearch(String text) {
        int n = text.length();
        int first = 0;
        while (first < n && (char) (text.charAt(first) - 'A') > 'Z' - 'A' && text.charAt(first) <= 0xFF) {
            first++;
        }
        if (first == n) {
            return text;
        }
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            bytes[i] = (byte) (c > 0xFF ? 0xFF : (char) (c - 'A') <= 'Z' - 'A' ? c + ('a' - 'A') : c);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** True when the texts are equal once ASCII letters are folded; other characters must match exactly. */
    public static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && lower(a).equals(lower(b));
    }

    /** True when {@code text} contains {@code part} once ASCII letters are folded. */
    public static boolean containsIgnoreCase(String text, String part) {
        return lower(text).contains(lower(part));
    }

    private static String fold(String text, char from, char to, int shift) {
        int range = to - from;
        int n = text.length();
        int first = 0;
        while (first < n && (char) (text.charAt(first) - from) > range) {
            first++;
        }
        if (first == n) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = first; i < chars.length; i++) {
            if ((char) (chars[i] - from) <= range) {
                chars[i] = (char) (chars[i] + shift);
            }
        }
        return new String(chars);
    }

    /** True when {@code text} ends with {@code lowerSuffix}, comparing ASCII letters without case. */
    public static boolean endsWithIgnoreCase(String text, String lowerSuffix) {
        return text.regionMatches(true, text.length() - lowerSuffix.length(), lowerSuffix, 0, lowerSuffix.length());
    }
}
