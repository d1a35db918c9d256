package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenReaderCleanTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            (example.com),              | example.com
            "*example.com*".            | example.com
            [::1]                       | [::1]
            [2001:db8::1]:8443,         | [2001:db8::1]:8443
            origin=[2001:db8::1])       | origin=[2001:db8::1]
            f(x)                        | f(x)
            (a)                         | a
            [[::1]]                     | [[::1]]
            [note]                      | note
            •8b2e5f3a1c9d4e7f·          | 8b2e5f3a1c9d4e7f
            ()[]                        | )[]
            plain                       | plain
            """)
    void surroundingPunctuationGoesAndBracketsThatBelongToTheWordStay(String word, String clean) {
        assertEquals(clean, TokenReader.clean(word));
    }
}
