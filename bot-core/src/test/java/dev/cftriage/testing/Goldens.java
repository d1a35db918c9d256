package dev.cftriage.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Golden files for what users and tools see: a rendered text is made stable ({@link #stable}) and compared with a
 * file under {@code src/test/resources/golden/}. Run with {@code -Dgolden.update=true} to write the files anew,
 * then review the diff by eye before committing it.
 */
public final class Goldens {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** What changes from run to run, and the stable text that stands for it. Order matters: longest forms first. */
    private static final Map<Pattern, String> VOLATILE = orderedVolatile();

    private Goldens() {
    }

    private static Map<Pattern, String> orderedVolatile() {
        Map<Pattern, String> m = new java.util.LinkedHashMap<>();
        m.put(Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z"), "<instant>");
        m.put(Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), "<http-date>");
        m.put(Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?( UTC)?)?"), "<date>");
        m.put(Pattern.compile("\\b[0-9a-f]{64}\\b"), "<sha256>");
        m.put(Pattern.compile("\\b[0-9A-F]{2}(:[0-9A-F]{2}){31}\\b"), "<sha256>");
        m.put(Pattern.compile("\"(\\w*Ms|elapsedMs|ageMs)\" : \\d+"), "\"$1\" : 0");
        m.put(Pattern.compile("\\[[rctwx·]{20}\\]"), "[<phases>]");
        m.put(Pattern.compile("\\b\\d+(\\.\\d+)? ?ms\\b"), "<n> ms");
        m.put(Pattern.compile("\\b\\d+(\\.\\d+)? s\\b"), "<n> s");
        m.put(Pattern.compile("\\b(\\d+) (second|minute|hour|day)s?\\b"), "<n> $2s");
        // Columns padded to a run-specific width (an address's length) line up differently from run to run.
        m.put(Pattern.compile("(\\S) {2,}(?=\\S)"), "$1  ");
        return m;
    }

    /**
     * The text with run-specific values replaced: first the given literals (loopback addresses a scenario chose,
     * a test server's port), then times, dates, durations and fingerprints.
     */
    public static String stable(String text, Map<String, String> literals) {
        String s = text;
        for (Map.Entry<String, String> e : literals.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        for (Map.Entry<Pattern, String> e : VOLATILE.entrySet()) {
            s = e.getKey().matcher(s).replaceAll(e.getValue());
        }
        return s;
    }

    /** Asserts that {@code actual} equals the golden file at {@code relative} (or writes it, when updating). */
    public static void assertMatches(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(expected, actual, "golden file " + file + " (re-run with -Dgolden.update=true after review)");
        } catch (IOException e) {
            throw new UncheckedIOException("golden file " + file, e);
        }
    }
}
