package dev.cftriage.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

    @ParameterizedTest(name = "{0} reads as the {2} {1}")
    @CsvSource({
            "example.com, example.com, Name",
            "WWW.Example.COM, www.example.com, Name",
            "www.example.com., www.example.com, Name",
            "'  api.example.com  ', api.example.com, Name",
            "bücher.example, xn--bcher-kva.example, Name",
            "BÜCHER.Example., xn--bcher-kva.example, Name",
            "xn--bcher-kva.example, xn--bcher-kva.example, Name",
            "münchen.例え.jp, xn--mnchen-3ya.xn--r8jz45g.jp, Name",
            "_acme-challenge.example.com, _acme-challenge.example.com, Name",
            "localhost, 127.0.0.1, Literal",
            "LocalHost., 127.0.0.1, Literal",
            "api.localhost, 127.0.0.1, Literal",
            "1.2.3.example, 1.2.3.example, Name",
            "0x7f.example, 0x7f.example, Name",
            "192.0.2.10, 192.0.2.10, Literal",
            "1.2.3, 1.2.0.3, Literal",
            "3221225994, 192.0.2.10, Literal",
            "0xc0.0.2.012, 192.0.2.10, Literal",
            "2001:DB8::1, 2001:db8::1, Literal",
            "[2001:db8:0:0:0:0:0:1], 2001:db8::1, Literal",
            "[fe80::1%eth0], fe80::1, Literal",
            "１９２.０.２.１０, 192.0.2.10, Literal"
    })
    void hostIsNormalised(String typed, String normalised, String kind) {
        HostName host = HostNames.parse(typed);

        assertEquals(kind, host.getClass().getSimpleName());
        assertEquals(normalised, host.text());
    }

    @ParameterizedTest(name = "''{0}'' is bad input")
    @ValueSource(strings = {
            "exa mple.com", "-bad-.com", "bad-.com", "a..b", ".example.com", "example..", "1.2.3.4.5", "256.1.1.1",
            "1.256.1.1", "4294967296", "0x100000000", "[::1", "[::1]:443", "[127.0.0.1]", "[example.com]", "::1::2",
            "2001:db8::/32", "example.com:443", "http://example.com", "example.com/path", "exa\u0000mple.com",
            "exa_mple!.com", "example.123", "01.02.03.09"
    })
    void invalidHostIsBadInputWithAReadableMessage(String typed) {
        BadInputException e = assertThrows(BadInputException.class, () -> HostNames.parse(typed));

        assertReadable(e.getMessage());
    }

    @ParameterizedTest(name = "{0} is refused with a hint to give the host alone")
    @ValueSource(strings = {"example.com:443", "http://example.com", "https://[2001:db8::1]/", "192.0.2.1:8080"})
    void urlOrHostWithPortIsRefusedWithAHint(String typed) {
        BadInputException e = assertThrows(BadInputException.class, () -> HostNames.parse(typed));

        assertTrue(e.getMessage().contains("give the host alone"), e.getMessage());
    }

    @ParameterizedTest(name = "U+{0} in a host is refused as a control character")
    @ValueSource(strings = {"0085", "0000", "001F", "007F", "0090", "202A", "202E", "2066", "2069", "200E", "061C", "2028"})
    void controlCharacterInAHostIsRefusedAndNotEchoed(String hex) {
        String control = String.valueOf((char) Integer.parseInt(hex, 16));

        BadInputException e = assertThrows(BadInputException.class, () -> HostNames.parse("shop" + control + ".example.com"));

        assertEquals("'shop?.example.com' holds a control character, which no host may contain", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            exa\uFFFDmple.com            | it holds a character that a domain name may not contain
            \u05D0\u05D1c.example.com    | it mixes right-to-left and left-to-right letters
            xn--\u00FC.example           | a label starts with xn-- but is not valid punycode
            """)
    void badInternationalNameIsOneClearLineWithoutTheLibrarysText(String typed, String reason) {
        String host = typed.translateEscapes();

        BadInputException e = assertThrows(BadInputException.class, () -> HostNames.parse(host));

        assertTrue(e.getMessage().contains("is not a valid host name: " + reason), e.getMessage());
        assertFalse(e.getMessage().contains("ParseException"), e.getMessage());
        assertReadable(e.getMessage());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            [::1]:443                 | ::1
            [2001:db8::1]             | 2001:db8::1
            2001:db8::1               | 2001:db8::1
            origin.example.net:8443   | origin.example.net
            ' 192.0.2.1:80 '          | 192.0.2.1
            """)
    void hostWithAPortIsReadByParseWithPort(String typed, String host) {
        assertEquals(host, HostNames.parseWithPort(typed).text());
    }

    @Test
    void nameOfThreeHundredCharactersIsTooLong() {
        String name = ("a".repeat(59) + ".").repeat(5) + "example.com";

        BadInputException e = assertThrows(BadInputException.class, () -> HostNames.parse(name));

        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        assertReadable(e.getMessage());
    }

    @Test
    void nameJustOverTheDnsLimitIsRefused() {
        String name = ("a".repeat(62) + ".").repeat(4) + "com";

        BadInputException e = assertThrows(BadInputException.class, () -> HostNames.parse(name));

        assertTrue(e.getMessage().contains("253"), e.getMessage());
    }

    @Test
    void labelOfSixtyFourCharactersIsRefused() {
        assertThrows(BadInputException.class, () -> HostNames.parse("a".repeat(64) + ".example.com"));
    }

    @Test
    void nameAtTheDnsLimitIsAccepted() {
        String name = ("a".repeat(62) + ".").repeat(3) + "a".repeat(60) + ".com";

        assertEquals(253, name.length());
        assertEquals(name, HostNames.parse(name).text());
    }

    @ParameterizedTest(name = "{0} hides 127.0.0.1")
    @ValueSource(strings = {"12\u00ad7.0.0.1", "127.0.0.1\u00ad", "\uff11\uff12\uff17\u3002\uff10\u3002\uff10\u3002\uff11",
            "0x7f\uff0e1", "127\u200b.0.0.1"})
    void invisibleOrWideCharactersDoNotHideAnAddress(String typed) {
        HostName host = HostNames.parse(typed);

        assertInstanceOf(HostName.Literal.class, host);
        assertEquals("127.0.0.1", host.text());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void missingHostIsBadInput(String typed) {
        BadInputException e = assertThrows(BadInputException.class, () -> HostNames.parse(typed));

        assertEquals("no host given", e.getMessage());
    }

    @Test
    void messageQuotesTheInputWithoutControlCharacters() {
        BadInputException e = assertThrows(BadInputException.class, () -> HostNames.parse("bad\u0007host\n.com"));

        assertReadable(e.getMessage());
    }

    private static void assertReadable(String message) {
        assertFalse(message == null || message.isBlank(), "no message");
        assertTrue(message.length() <= 200, message);
        assertTrue(message.chars().noneMatch(Character::isISOControl), message);
    }
}
