package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import dev.cftriage.testing.AdversarialPastes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasteParserSafetyTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @Test
    void pasteLargerThanTheLimitIsRejectedWithItsSize() {
        String huge = "a".repeat(5_452_595);
        BadInputException e = assertThrows(BadInputException.class, () -> PasteParser.parse(huge));
        assertEquals("paste is 5.2 MB; cf-triage reads at most 2 MB — paste the error page's text, headers or Ray ID",
                e.getMessage());
    }

    @Test
    void pasteExactlyAtTheLimitIsRead() {
        String atLimit = "523 example.com\n" + " ".repeat(PasteParser.MAX_PASTE_CHARS - 16);
        assertEquals(PasteParser.MAX_PASTE_CHARS, atLimit.length());
        assertEquals(523, assertTimeoutPreemptively(HANG_GUARD, () -> PasteParser.parse(atLimit)).code());
    }

    @Test
    void nullAndBlankPastesSayNothing() {
        assertEquals(ParsedPaste.empty(), PasteParser.parse(null));
        assertEquals(ParsedPaste.empty(), PasteParser.parse(" \n\t "));
    }

    @Test
    void adversarialMegabyteParsesWithoutError() {
        String paste = AdversarialPastes.oneMegabyte();
        assertTrue(paste.length() >= 990_000 && paste.length() <= 1_010_000, "length " + paste.length());
        ParsedPaste p = assertTimeoutPreemptively(HANG_GUARD, () -> PasteParser.parse(paste));
        assertEquals(523, p.code());
        assertTrue(p.warnings().size() <= Clues.MAX_WARNINGS, p.warnings()::toString);
        assertTrue(p.origins().size() <= Clues.MAX_ORIGINS);
    }

    @Test
    void unclosedTagsAndCommentsDoNotSlowTheHtmlReader() {
        String paste = "<html>" + "<a ".repeat(150_000) + "<!-- ".repeat(50_000) + "&amp".repeat(50_000);
        assertTimeoutPreemptively(HANG_GUARD, () -> PasteParser.parse(paste));
    }

    @Test
    void twoMegabytesOfCaptureWrappingParsesWithinTheGuard() {
        String unit = "#> <div class=\\\"a\\\">\\n\n- strong: x\nadd list=l address=<b>{{\n(\"CF-RAY\",\"\n"
                + "Error reference number: 5\nutm_campaign=error-520_owner_desc Ray ID: - - -\n";
        String paste = unit.repeat(PasteParser.MAX_PASTE_CHARS / unit.length());
        assertTimeoutPreemptively(HANG_GUARD, () -> PasteParser.parse(paste));
    }

    @Test
    void deeplyNestedJsonIsIgnoredNotFatal() {
        String paste = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        ParsedPaste p = assertTimeoutPreemptively(HANG_GUARD, () -> PasteParser.parse(paste));
        assertEquals(null, p.code());
    }
}
