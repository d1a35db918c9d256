package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void everyCharIsASpaceExactlyWhenJavaCallsItWhitespaceOrASpaceOrItIsNextLine() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            String name = "U+" + Integer.toHexString(c);
            assertEquals(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85, Lines.space((char) c), name);
        }
    }

    @Test
    void linesAreSplitAtEveryKindOfLineBreakAndTrimmed() {
        assertEquals(List.of("a", "b", "", "c", "d"), Lines.of("  a \r\nb\r\rc\n d\t"));
    }

    @Test
    void aWordLongerThanTheLimitBecomesAnEmptyWord() {
        assertEquals(List.of("x", "", "y"), Lines.words("x " + "w".repeat(Lines.MAX_WORD + 1) + "\u2003y"));
    }
}
