package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Every source of the data centre's city — page columns and JSON bodies alike — is checked for a city's shape. */
class PasteParserCityTest {

    private static ParsedPaste json(String datacenter) {
        return PasteParser.parse("{\"error_code\": 523, \"ray_id\": \"8f1e2d3c4b5a6978\", \"datacenter\": \""
                + datacenter + "\"}");
    }

    @Test
    void jsonCityIsTakenAndNamesItsColo() {
        ParsedPaste p = json("Frankfurt");

        assertEquals("Frankfurt", p.coloCity());
        assertEquals("FRA", p.colo());
    }

    @Test
    void jsonCityLongerThanACityNameIsIgnored() {
        assertNull(json("A".repeat(100_000)).coloCity());
        assertNull(json("B".repeat(Clues.MAX_CITY + 1)).coloCity());
    }

    @Test
    void jsonCityWithControlCharactersIsIgnored() {
        assertNull(json("Frank\\u0007furt").coloCity());
        assertNull(json("Frankfurt\\nHost").coloCity());
    }

    @Test
    void jsonCityWithMarkupIsIgnored() {
        assertNull(json("<script>alert(1)</script>").coloCity());
    }

    @Test
    void cityWithAccentsAndPunctuationIsKept() {
        assertEquals("São Paulo, Brazil", json("São Paulo, Brazil").coloCity());
    }
}
