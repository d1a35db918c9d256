package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a hostile chat user can type: the visitor's address, control characters, bad IDNs, odd target spellings. */
class PasteParserHostileTextTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "523 Your IP: 203.0.113.9",
            "Your IP address: 203.0.113.9 error 523",
            "error 523\nYour IP:\nClick to reveal\n203.0.113.9\n",
            "Your IP: 2001:db8::9 Error code 521"})
    void theVisitorsAddressIsNeverTheHost(String paste) {
        ParsedPaste p = PasteParser.parse(paste);

        assertNull(p.host(), "host");
        assertTrue(p.origins().isEmpty(), "origins");
        assertTrue(p.visitorIp().equals("203.0.113.9") || p.visitorIp().equals("2001:db8::9"), p.visitorIp());
    }

    @Test
    void aHostNamedBesideTheVisitorsAddressIsStillTheHost() {
        ParsedPaste p = PasteParser.parse("523 shop.example.com Your IP: 203.0.113.9");

        assertEquals("shop.example.com", p.host());
        assertEquals("203.0.113.9", p.visitorIp());
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0085", "0000", "001B", "007F", "009B", "202E", "2066", "200F", "061C", "2028"})
    void aControlCharacterInAUrlPathEndsTheUrl(String hex) {
        String control = String.valueOf((char) Integer.parseInt(hex, 16));
        ParsedPaste p = PasteParser.parse("523 https://shop.example.com/a" + control + "b");

        assertEquals("shop.example.com", p.host());
        assertTrue(p.url().equals("https://shop.example.com/a"), p.url());
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0001", "001B", "009B", "202E", "2067", "200E"})
    void aControlCharacterInAHostIsRefusedWithoutEchoingIt(String hex) {
        String control = String.valueOf((char) Integer.parseInt(hex, 16));
        for (String command : List.of("523 shop" + control + ".example.com", "523 https://shop" + control + ".example.com/",
                "523 origin=192.0.2" + control + ".1")) {
            BadInputException e = assertThrows(BadInputException.class, () -> PasteParser.parse(command), command);

            assertTrue(e.getMessage().contains("control character"), e.getMessage());
            assertFalse(e.getMessage().contains(control), "the control character is not echoed: " + e.getMessage());
        }
    }

    @Test
    void nextLineSeparatesWordsLikeALineBreak() {
        ParsedPaste p = PasteParser.parse("523\u0085shop.example.com\u0085https://shop.example.com/a\u0085b");

        assertEquals(523, p.code());
        assertEquals("shop.example.com", p.host());
        assertEquals("https://shop.example.com/a", p.url());
    }

    @Test
    void aControlCharacterInAHostInFreeTextIsSkipped() {
        String paste = "We see errors all day long on our shop and nobody knows why, please help us out here. "
                .repeat(8) + "shop\u0085x.example.com and then https://shop\u202E.example.com/ too";

        ParsedPaste p = PasteParser.parse(paste);

        assertNull(p.url());
        assertTrue(p.host() == null || Character.isLetter(p.host().charAt(0)) && p.host().chars().allMatch(c -> c < 128),
                p.host());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            523 exa\uFFFDmple.com                     | a character that a domain name may not contain
            523 \u05D0\u05D1c.example.com             | right-to-left
            523 xn--\u00FC.example.com                | xn--
            """)
    void aBadInternationalNameGetsOneClearLine(String command, String reason) {
        BadInputException e = assertThrows(BadInputException.class, () -> PasteParser.parse(command));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            origin=[::1]:443                  | ::1
            523 origin=[::1]:443              | ::1
            523 origin=[2001:db8::1]:8443     | 2001:db8::1
            523 origin=192.0.2.10:8443        | 192.0.2.10
            523 origin=origin.example.net:80  | origin.example.net
            """)
    void anOriginWithAPortIsItsHost(String command, String origin) {
        assertEquals(List.of(origin), PasteParser.parse(command).origins());
    }

    @Test
    void anOriginWithABadPortSaysSo() {
        BadInputException e = assertThrows(BadInputException.class, () -> PasteParser.parse("523 origin=[::1]:99999"));

        assertTrue(e.getMessage().contains("the port '99999' is not a number from 1 to 65535"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            localhost                 | 127.0.0.1
            523 localhost             | 127.0.0.1
            /cf523 LocalHost          | 127.0.0.1
            523 127.1                 | 127.0.0.1
            523 2130706433            | 127.0.0.1
            523 0x7f000001            | 127.0.0.1
            523 [::]                  | ::
            523 [::1]                 | ::1
            523 0.0.0.0               | 0.0.0.0
            523 [2001:db8::1]:8443    | 2001:db8::1
            """)
    void aTargetTheAddressPolicyWillRefuseIsKeptAsTheHost(String command, String host) {
        assertEquals(host, PasteParser.parse(command).host());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            523 shop.example.com 127.1              | shop.example.com
            523 127.1 shop.example.com              | shop.example.com
            523 for 5 minutes on shop.example.com   | shop.example.com
            """)
    void aShortAddressSpellingNeverOutranksARealHost(String command, String host) {
        assertEquals(host, PasteParser.parse(command).host());
    }

    @Test
    void shortNumbersInACommandAreNotAddresses() {
        assertNull(PasteParser.parse("523 since 5 minutes, 42 users").host());
    }

    @Test
    void shortAddressSpellingsInLongTextAreNotHosts() {
        String paste = "The error started at about 10.5 minutes past the hour and 2130706433 bytes were moved. "
                .repeat(10) + "Error code 523";

        assertNull(PasteParser.parse(paste).host());
    }
}
