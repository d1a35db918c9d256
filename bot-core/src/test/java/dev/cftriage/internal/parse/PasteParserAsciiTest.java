package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Codes, Ray IDs and IATA codes are ASCII: other scripts' digits and letters never become one. */
class PasteParserAsciiTest {

    @Test
    void rayIdWithArabicIndicAndFullWidthDigitsIsNotARayId() {
        ParsedPaste p = PasteParser.parse("HTTP/2 523\nserver: cloudflare\ncf-ray: ٨f1e2d3c4b5a697８-FRA\n");

        assertNull(p.rayId());
        assertEquals(523, p.code());
    }

    @Test
    void bareRayIdWithNonAsciiDigitIsIgnored() {
        assertNull(PasteParser.parse("523 example.com ray ٨f1e2d3c4b5a6978").rayId());
    }

    @Test
    void asciiRayIdIsStillRead() {
        ParsedPaste p = PasteParser.parse("HTTP/2 523\nserver: cloudflare\ncf-ray: 8f1e2d3c4b5a6978-FRA\n");

        assertEquals("8f1e2d3c4b5a6978", p.rayId());
        assertEquals("FRA", p.colo());
    }

    @Test
    void coloOfNonAsciiLettersIsIgnored() {
        ParsedPaste p = PasteParser.parse("{\"error_code\": 523, \"ray_id\": \"8f1e2d3c4b5a6978\", \"colo\": \"ÄÖÜ\"}");

        assertEquals("8f1e2d3c4b5a6978", p.rayId());
        assertNull(p.colo());
    }

    @Test
    void statusLineWithFullWidthDigitsHasNoCode() {
        assertNull(PasteParser.parse("HTTP/1.1 ５２３ Origin Is Unreachable\nserver: cloudflare\n").code());
    }

    @Test
    void pageHeadingWithArabicIndicDigitsHasNoCode() {
        assertNull(PasteParser.parse("<html><title>٥٠٢ Bad Gateway</title><body><h1>5٠2 Bad Gateway</h1>"
                + "<hr>nginx/1.24.0</body></html>").code());
    }
}
