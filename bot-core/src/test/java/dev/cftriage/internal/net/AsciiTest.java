package dev.cftriage.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AsciiTest {

    @Test
    void lowerChangesOnlyAsciiCapitals() {
        assertEquals("error 523 Σ İ é ß", Ascii.lower("ERROR 523 Σ İ é ß"));
        assertEquals("ERROR 523 Σ İ É SS", Ascii.upper("error 523 Σ İ É SS"));
    }

    @Test
    void textForSearchingKeepsEveryIndexAndReplacesWhatLatinOneCannotHold() {
        String paste = "Ray ID • <TITLE>Σ Error 523 é";
        String folded = Ascii.foldedForSearch(paste);

        assertEquals(paste.length(), folded.length());
        assertEquals("ray id \u00ff <title>\u00ff error 523 é", folded);
        assertEquals(paste.indexOf("Error"), folded.indexOf("error"));
    }

    @Test
    void aCharacterBeyondLatinOneNeverLooksLikeAnAsciiMark() {
        assertFalse(Ascii.foldedForSearch("<\u03a3php").contains("<?php"));
        assertFalse(Ascii.foldedForSearch("{\u20ac{").contains("{{"));
        assertTrue(Ascii.foldedForSearch("<?PHP").contains("<?php"));
    }

    @Test
    void textThatNeedsNoChangeIsReturnedAsItIs() {
        String plain = "error 523 ray id é";
        assertSame(plain, Ascii.foldedForSearch(plain));
    }
}
