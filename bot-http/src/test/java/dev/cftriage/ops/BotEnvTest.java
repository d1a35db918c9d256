package dev.cftriage.ops;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cftriage.input.BadInputException;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BotEnvTest {

    @Test
    void portIsOptionalAndMustBeAPortNumber() {
        assertEquals(OptionalInt.empty(), BotEnv.port(Map.of()));
        assertEquals(OptionalInt.of(9100), BotEnv.port(Map.of("PORT", " 9100 ")));
        assertEquals("PORT must be a port number from 0 to 65535, not '70000'",
                assertThrows(BadInputException.class, () -> BotEnv.port(Map.of("PORT", "70000"))).getMessage());
        assertEquals("PORT must be a port number from 0 to 65535, not '-1'",
                assertThrows(BadInputException.class, () -> BotEnv.port(Map.of("PORT", "-1"))).getMessage());
    }

    @Test
    void logFormatIsTextOrJson() {
        assertDoesNotThrow(() -> BotEnv.checkLogFormat(Map.of("CFTRIAGE_LOG_FORMAT", "json")));
        assertDoesNotThrow(() -> BotEnv.checkLogFormat(Map.of()));
        assertEquals("CFTRIAGE_LOG_FORMAT must be text or json, not 'xml?'",
                assertThrows(BadInputException.class,
                        () -> BotEnv.checkLogFormat(Map.of("CFTRIAGE_LOG_FORMAT", "xml\n"))).getMessage());
    }
}
