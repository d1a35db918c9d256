package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs that once made the parser superlinear parse in linear time. Letters with special casing rules — {@code Σ} (final sigma looks at the whole word around it) and
 * {@code İ} (lower-cases to two chars) — parse in linear time: one maximal Slack message of them, and a paste of
 * the largest size accepted, each in under 50 ms once warm: the best of five runs after ten warm-up parses, in
 * the thread's CPU time so that other jobs on a busy machine do not decide it.
 * {@code String.toLowerCase} took about 13 s for 40,000 {@code Σ}. Words of brackets, the longest kept whole,
 * once cost a scan of the word per bracket.
 */
class PasteParserWarmTimeTest {
    private static final Duration WARM_LIMIT = Duration.ofMillis(50);
    /** Parses before timing: enough for the JIT to compile the parser's paths (three were not, once it read captures). */
    private static final int WARM_UPS = 10;

    static Stream<Arguments> runs() {
        int max = PasteParser.MAX_PASTE_CHARS;
        return Stream.of(
                Arguments.of("40,000 Σ", "Σ".repeat(40_000)),
                Arguments.of("40,000 İ", "İ".repeat(40_000)),
                Arguments.of("a 2 MB paste of Σ", "Σ".repeat(max)),
                Arguments.of("a 2 MB paste of İ", "İ".repeat(max)),
                Arguments.of("40,000 Σ after a command", "523 shop.example.com " + "Σ".repeat(40_000)),
                Arguments.of("40,000 Σ in an error page", "<html><title>523 ΣΣ</title>" + "Σ".repeat(40_000)),
                Arguments.of("40,000 Σ as words", "ΣΑΣ ".repeat(10_000)),
                Arguments.of("40,000 İ as lines", "İİİİİİİ\n".repeat(5_000)),
                Arguments.of("a 2 MB paste of ']' words", ("]".repeat(Lines.MAX_WORD) + " ").repeat(max / (Lines.MAX_WORD + 1))),
                Arguments.of("a 2 MB paste of '[' words", ("[".repeat(Lines.MAX_WORD - 2) + "]: ").repeat(max / (Lines.MAX_WORD + 1))),
                Arguments.of("a 2 MB paste of '(' and ')' words",
                        ("(" + ")".repeat(Lines.MAX_WORD - 1) + " ").repeat(max / (Lines.MAX_WORD + 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void parsesInUnderFiftyMillisecondsWarm(String name, String paste) {
        long best = ParseTimer.bestNanos(paste, WARM_UPS, 5);

        assertTrue(best < WARM_LIMIT.toNanos(), name + " took " + best / 1_000_000 + " ms at best");
    }
}
