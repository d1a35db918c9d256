package dev.cftriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"3s, 3000", "1500ms, 1500", "2m, 120000", "PT3S, 3000", "pt0.25s, 250", "' 10S ', 10000", "1MS, 1"})
    void writtenDurationsParseToTheirLength(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "s", "3h", "3 s", "1.5s", "-3s", "abc", "P", "PTxS", "3sec"})
    void otherFormsAreRejectedWithTheAcceptedForms(String text) {
        BadInputException e = assertThrows(BadInputException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("1500ms, 3s, 2m"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0ms", "PT0S", "PT-1S"})
    void zeroAndNegativeDurationsAreRejected(String text) {
        BadInputException e = assertThrows(BadInputException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("longer than zero"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingDurationIsRejected(String text) {
        assertThrows(BadInputException.class, () -> Durations.parse(text));
    }

    @Test
    void hugeDurationIsRejectedNotOverflowed() {
        BadInputException e = assertThrows(BadInputException.class, () -> Durations.parse("999999999999999999m"));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void messageQuotesALongInputShortened() {
        String text = "x".repeat(200) + "\u0007";
        BadInputException e = assertThrows(BadInputException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().length() < 150, e.getMessage());
        assertTrue(e.getMessage().contains("…"), e.getMessage());
    }
}
