package dev.cftriage.config;

import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.Ascii;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations people write in settings: {@code 1500ms}, {@code 3s}, {@code 2m}, or ISO-8601 such as
 * {@code PT3S}. Only positive durations are accepted. Stateless and thread-safe.
 */
public final class Durations {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,18})(ms|s|m)");
    private static final String FORMS = "use a whole number with ms, s or m (1500ms, 3s, 2m) or ISO-8601 (PT3S)";

    private Durations() {
    }

    /**
     * The duration the text names.
     *
     * @throws BadInputException when the text is null, blank, in another form, too large, zero or negative
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("no duration given: " + FORMS);
        }
        String trimmed = text.strip();
        Duration duration = withUnit(trimmed);
        if (duration == null) {
            duration = iso(trimmed);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new BadInputException("duration " + Quoted.of(trimmed) + " must be longer than zero");
        }
        return duration;
    }

    private static Duration withUnit(String text) {
        Matcher m = WITH_UNIT.matcher(Ascii.lower(text));
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        try {
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        } catch (ArithmeticException e) {
            throw new BadInputException("duration " + Quoted.of(text) + " is too large");
        }
    }

    private static Duration iso(String text) {
        if (!text.regionMatches(true, 0, "P", 0, 1)) {
            throw new BadInputException(Quoted.of(text) + " is not a duration: " + FORMS);
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException(Quoted.of(text) + " is not a duration: " + FORMS);
        }
    }
}
