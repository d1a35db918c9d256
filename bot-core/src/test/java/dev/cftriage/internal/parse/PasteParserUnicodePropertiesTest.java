package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Parse time per character stays bounded over arbitrary Unicode: code points from every plane (lone surrogates
 * included, as Java strings may hold them), combining marks, letters with special casing ({@code Σ İ ß ŉ ǰ ΐ}
 * and friends) and long runs of any of them. The bound is generous — 50 ms plus 2 µs per character, for the best of
 * three timed parses after a warm-up — where a quadratic fold costs hundreds of µs per character on long runs.
 */
class PasteParserUnicodePropertiesTest {
    private static final long FIXED_NANOS = 50_000_000;
    private static final long NANOS_PER_CHAR = 2_000;
    private static final List<Integer> SPECIAL_CASING = List.of(0x03A3, 0x03C2, 0x0130, 0x0131, 0x00DF, 0x1E9E,
            0x0149, 0x01F0, 0x0390, 0x03B0, 0x0587, 0x1E96, 0xFB00, 0xFB03, 0x212A, 0x212B, 0x1F80, 0x1FB3, 0x0345);

    @Property(tries = 60)
    void parseTimePerCharacterIsBounded(@ForAll("unicodePastes") String paste) {
        long best = ParseTimer.bestNanos(paste, 1, 3);
        long bound = FIXED_NANOS + NANOS_PER_CHAR * paste.length();

        assertTrue(best <= bound, paste.length() + " chars took " + best / 1_000 + " µs, bound " + bound / 1_000 + " µs");
    }

    @Provide
    Arbitrary<String> unicodePastes() {
        Arbitrary<Integer> anyPlane = Arbitraries.integers().between(0, Character.MAX_CODE_POINT);
        Arbitrary<Integer> combining = Arbitraries.oneOf(Arbitraries.integers().between(0x0300, 0x036F),
                Arbitraries.integers().between(0x1AB0, 0x1AFF), Arbitraries.integers().between(0x20D0, 0x20FF),
                Arbitraries.integers().between(0xFE20, 0xFE2F));
        Arbitrary<Integer> special = Arbitraries.of(SPECIAL_CASING);
        Arbitrary<Integer> pasteVocabulary = Arbitraries.of((int) ' ', (int) '\n', (int) '.', (int) ':', (int) '[',
                (int) '<', (int) '|', (int) '5', (int) '2', (int) '3', (int) 'a');
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(Tuple.of(4, anyPlane), Tuple.of(3, special),
                Tuple.of(2, combining), Tuple.of(2, pasteVocabulary));
        Arbitrary<Integer> runLength = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 4)),
                Tuple.of(2, Arbitraries.integers().between(100, 5_000)),
                Tuple.of(1, Arbitraries.integers().between(20_000, 60_000)));
        Arbitrary<String> run = Combinators.combine(codePoint, runLength)
                .as((cp, n) -> new String(Character.toChars(cp)).repeat(n));
        return run.list().ofMinSize(1).ofMaxSize(30)
                .map(runs -> {
                    String paste = String.join("", runs);
                    return paste.length() > PasteParser.MAX_PASTE_CHARS ? paste.substring(0, PasteParser.MAX_PASTE_CHARS) : paste;
                });
    }
}
