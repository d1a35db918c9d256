package dev.cftriage.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns seed pastes into hostile variants for fuzzing: slices deleted, duplicated, spliced in from another seed or
 * truncated; lines shuffled; ASCII case flipped; random code points from every plane (lone surrogates included);
 * tokens that have hurt chat bots before (Σ and İ runs, C0/C1 and bidi controls, Slack and Discord markup,
 * mentions, odd spellings of internal addresses, user info in URLs, half a tag or comment); the whole paste
 * HTML-escaped as Slack delivers markup. Deterministic: the same seed number gives the same paste. Pastes stay
 * within a few hundred thousand characters. Thread-safe (no mutable state).
 */
public final class PasteMutator {
    /** Tokens inserted whole. */
    static final List<String> HOSTILE = List.of("Σ", "İ", "ß", "ŉ", "ǰ", "ΐ", "ΰ", "ﬃ", "K", "\u0085", "\u202E",
            "\u2066", "\u200F", "\u0000", "\u001B[31m", "\u009B", "\uD800", "\uDC00", "\uD83D\uDE00", "e\u0301\u0301\u0301",
            "<!channel>", "<!here>", "<@U0123ABCD>", "<!subteam^S0123|@oncall>", "<https://evil.example|click>",
            "<#C0123|general>", "[click](https://evil.example)", "`", "```", "@everyone", "@here", "<@&123456>",
            "||spoiler||", "*bold*", "_it_", "~strike~", "> quote", "# heading", "origin=[::1]:443", "origin=",
            "origin=[", "Your IP: 203.0.113.9", "Your IP address:", "localhost", "127.1", "2130706433", "0x7f000001",
            "[::]", "0.0.0.0", "[2001:db8::1]:8443", "169.254.169.254", "https://user:TOKEN@example.com/",
            "http://[::1", "https://exa\u0085mple.com/", "xn--zz", "xn--", "exa\uFFFDmple.com", "Ray ID: ", "cf-ray: ",
            "8b2e5f3a1c9d4e7f-FRA", "Error code 523", "Error 1016", "HTTP/2 521", "HTTP/1.1 520 Origin Error",
            "Server: cloudflare", "<title>", "</title>", "<!--", "<script>", "&lt;html&gt;", "&#x202E;", "&#0;",
            "&#1114111;", "{\"ray_id\":", "\"status\": 502", "\r\n", "\n\n", "\t", " ", "|", "2026-01-18 14:30:00 UTC",
            "/cf523 ", "523 ", "shop.example.com", "WWW.EXAMPLE.COM.", "a".repeat(600), "9".repeat(40));
    /** Short texts repeated into long runs. */
    private static final List<String> RUNS = List.of("Σ", "İ", "ß", "\u0301", "Σ ", "İ\n", "<", "&", "[", ":", ".",
            "0", "a.", "cf-ray: ", "<!-- ", "origin=1.1 ", " ", "\n", "\uD800");
    private static final int MAX_LENGTH = 200_000;
    private static final int MAX_RUN = 20_000;

    private final List<String> seeds;

    /**
     * A mutator over these seeds.
     *
     * @throws IllegalArgumentException when there are no seeds
     */
    public PasteMutator(List<String> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds to mutate");
        }
        this.seeds = List.copyOf(seeds);
    }

    /** A mutator over {@link FuzzCorpus#seeds()}. */
    public static PasteMutator overCorpus() {
        return new PasteMutator(FuzzCorpus.seeds());
    }

    /** The paste for this seed number: one seed with one to eight mutations. */
    public String mutate(long seedNumber) {
        SplittableRandom random = new SplittableRandom(seedNumber);
        String paste = seeds.get(random.nextInt(seeds.size()));
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < mutations; i++) {
            paste = once(paste, random);
            if (paste.length() > MAX_LENGTH) {
                paste = paste.substring(0, MAX_LENGTH);
            }
        }
        return paste;
    }

    /** One of the hostile tokens, chosen by the seed number: for fields that take a single value (an origin). */
    public static String hostileToken(long seedNumber) {
        return HOSTILE.get(new SplittableRandom(seedNumber).nextInt(HOSTILE.size()));
    }

    private String once(String text, SplittableRandom random) {
        int n = text.length();
        int at = n == 0 ? 0 : random.nextInt(n + 1);
        int end = Math.min(n, at + random.nextInt(1 + Math.min(n, 2_000)));
        return switch (random.nextInt(11)) {
            case 0 -> text.substring(0, at) + text.substring(end);
            case 1 -> text.substring(0, end) + text.substring(at, end) + text.substring(end);
            case 2 -> text.substring(0, at) + slice(seeds.get(random.nextInt(seeds.size())), random) + text.substring(at);
            case 3 -> text.substring(0, at) + HOSTILE.get(random.nextInt(HOSTILE.size())) + text.substring(at);
            case 4 -> withRandomCodePoints(text, random);
            case 5 -> text.substring(0, at);
            case 6 -> text.substring(0, at) + flipAsciiCase(text.substring(at, end)) + text.substring(end);
            case 7 -> text.substring(0, at) + RUNS.get(random.nextInt(RUNS.size())).repeat(1 + random.nextInt(MAX_RUN))
                    + text.substring(at);
            case 8 -> shuffledLines(text, random);
            case 9 -> text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            default -> HOSTILE.get(random.nextInt(HOSTILE.size())) + " " + text;
        };
    }

    private static String slice(String seed, SplittableRandom random) {
        int from = seed.isEmpty() ? 0 : random.nextInt(seed.length());
        return seed.substring(from, Math.min(seed.length(), from + 1 + random.nextInt(3_000)));
    }

    private static String withRandomCodePoints(String text, SplittableRandom random) {
        StringBuilder s = new StringBuilder(text);
        int count = 1 + random.nextInt(64);
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(s.length() + 1);
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (Character.isBmpCodePoint(codePoint)) {
                s.insert(at, (char) codePoint);
            } else {
                s.insert(at, Character.toChars(codePoint));
            }
        }
        return s.toString();
    }

    private static String flipAsciiCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            chars[i] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(chars);
    }

    private static String shuffledLines(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int i = lines.size() - 1; i > 0; i--) {
            Collections.swap(lines, i, random.nextInt(i + 1));
        }
        return String.join("\n", lines);
    }
}
