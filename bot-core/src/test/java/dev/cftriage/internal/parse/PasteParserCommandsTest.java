package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PasteParserCommandsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvFileSource(resources = "/pastes/commands.tsv", delimiter = '\t', numLinesToSkip = 1, nullValues = "-", quoteCharacter = '\u0001')
    void commandTextYieldsTheNamedFields(String input, Integer code, Integer errorCode, String rayId, String colo,
            String host, String url, Integer port, String origins, String format) {
        ParsedPaste p = PasteParser.parse(input);
        assertEquals(code, p.code(), "code");
        assertEquals(errorCode, p.errorCode(), "errorCode");
        assertEquals(rayId, p.rayId(), "rayId");
        assertEquals(colo, p.colo(), "colo");
        assertEquals(host, p.host(), "host");
        assertEquals(url, p.url(), "url");
        assertEquals(port, p.port(), "port");
        assertEquals(origins == null ? List.of() : Arrays.asList(origins.split(";")), p.origins(), "origins");
        assertEquals(format, p.format().id(), "format");
        assertFalse(p.suspicious());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvFileSource(resources = "/pastes/commands-invalid.tsv", delimiter = '\t', numLinesToSkip = 1, quoteCharacter = '\u0001')
    void invalidHostInACommandIsRejectedWithAOneLineReason(String input, String reason) {
        BadInputException e = assertThrows(BadInputException.class, () -> PasteParser.parse(input));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void invalidHostInsideAPageIsIgnored() {
        ParsedPaste p = PasteParser.parse(Fixtures.paste("523-browser-copy.txt").replace("example.com\n\nHost", "exa..mple.com\n\nHost"));
        assertEquals(null, p.host());
        assertEquals(523, p.code());
    }

    @Test
    void malformedRayInACommandIsAWarningNotASuspicion() {
        ParsedPaste p = PasteParser.parse("ray 12345 example.com");
        assertFalse(p.suspicious());
        assertEquals(null, p.rayId());
        assertEquals(List.of("the Ray ID '12345' in the text is not 16 hex digits"), p.warnings());
    }

    @Test
    void onlyCloudflareItselfNamedInACommandIsTakenAsTheHost() {
        assertEquals("www.cloudflare.com", PasteParser.parse("523 www.cloudflare.com").host());
    }

    @Test
    void longChatterNamesNoHostUnlessWrittenLikeOne() {
        String chatter = "we deployed at 5 and then the error log showed nothing unusual; ".repeat(20)
                + "later the site example.org answered error 522 again";
        ParsedPaste p = PasteParser.parse(chatter);
        assertEquals("example.org", p.host());
        assertEquals(522, p.code());
        assertEquals(PasteFormat.COMMAND, p.format());
    }

    @Test
    void longChatterWithAnInvalidHostIsNotAnError() {
        String chatter = "nothing to see here, just talk about exa..mple.com and other things. ".repeat(20);
        ParsedPaste p = PasteParser.parse(chatter);
        assertEquals(null, p.host());
    }
}
