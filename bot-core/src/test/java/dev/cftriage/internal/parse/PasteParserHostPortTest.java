package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hosts written with a port — in curl's log, a request's Host header, a command or a URL — keep their host. */
class PasteParserHostPortTest {

    @Test
    void curlRequestHostHeaderWithAPortNamesTheHost() {
        ParsedPaste p = PasteParser.parse(Fixtures.paste("522-curl-v-host-port.txt"));

        assertEquals("shop.example.com", p.host());
        assertEquals(522, p.code());
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            > Host: [2001:db8::1]:8443                      | 2001:db8::1
            > Host: shop.example.com                        | shop.example.com
            * Host shop.example.com:443 was resolved.       | shop.example.com
            * Host [2001:db8::1]:443 was resolved.          | 2001:db8::1
            """)
    void curlLinesWithOrWithoutAPortNameTheHost(String line, String host) {
        assertEquals(host, PasteParser.parse(line + "\n< HTTP/2 522\n< server: cloudflare\n").host());
    }

    @Test
    void requestHostHeaderWithABadPortNamesNoHost() {
        assertEquals(null, PasteParser.parse("> Host: shop.example.com:99999\n< HTTP/2 522\n< server: cloudflare\n").host());
    }

    @Test
    void hostWithAPortInACommandIsItsHost() {
        assertEquals("shop.example.com", PasteParser.parse("523 shop.example.com:8443").host());
    }

    @Test
    void urlWithAnUnclosedBracketIsRejectedSayingSo() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> PasteParser.parse("523 https://[2001:db8::1:8443/"));

        assertTrue(e.getMessage().contains("opens a bracket for an IPv6 address but does not close it"), e.getMessage());
    }

    @Test
    void urlWithABracketedAddressKeepsHostAndPort() {
        ParsedPaste p = PasteParser.parse("523 https://[2001:db8::1]:8443/status");

        assertEquals("2001:db8::1", p.host());
        assertEquals(8443, p.port());
    }
}
