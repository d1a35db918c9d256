package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasteScreenTest {

    @Test
    void aCodeFrom500To530OrA1xxxCodePasses() {
        assertTrue(PasteScreen.mayDescribeError("Error 523 Origin is unreachable"));
        assertTrue(PasteScreen.mayDescribeError("HTTP/2 500\ncf-ray: 8f3a1b2c3d4e5f60-FRA"));
        assertTrue(PasteScreen.mayDescribeError("Error 1016 Origin DNS error"));
        assertTrue(PasteScreen.mayDescribeError("530"));
    }

    @Test
    void chatterAndOtherNumbersAreTurnedAway() {
        assertFalse(PasteScreen.mayDescribeError("good morning everyone"));
        assertFalse(PasteScreen.mayDescribeError(""));
        assertFalse(PasteScreen.mayDescribeError(null));
        assertFalse(PasteScreen.mayDescribeError("we had 499 visitors, 531 yesterday, 2000 last week, 52 today"));
        assertFalse(PasteScreen.mayDescribeError("order 15230 and 5230"), "a code inside a longer number is not one");
        assertFalse(PasteScreen.mayDescribeError("Error ５２３"), "fullwidth digits are not read as a code");
    }

    @Test
    void aRunOfSigmaIsTurnedAway() {
        assertFalse(PasteScreen.mayDescribeError("Σ".repeat(4_000)));
    }

    @Test
    void onlyTheFirstScreenedCharactersAreLookedAt() {
        String late = "x".repeat(PasteScreen.SCREENED_CHARS) + " Error 523";
        assertFalse(PasteScreen.mayDescribeError(late));
        assertTrue(PasteScreen.mayDescribeError("x".repeat(PasteScreen.SCREENED_CHARS - 4) + " 523"));
    }

    @Test
    void theScreenedPartIsCappedWithoutSplittingAPair() {
        assertEquals("short", PasteScreen.screenedPart("short"));
        String pairs = "😀".repeat(PasteScreen.SCREENED_CHARS);
        String part = PasteScreen.screenedPart(pairs);
        assertEquals(PasteScreen.SCREENED_CHARS, part.length());
        String shifted = PasteScreen.screenedPart("a" + pairs);
        assertEquals(PasteScreen.SCREENED_CHARS - 1, shifted.length(), "the pair at the cap is left out whole");
    }
}
