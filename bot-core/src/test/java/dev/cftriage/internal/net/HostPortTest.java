package dev.cftriage.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

    @ParameterizedTest(name = "{0} is host {1}, port {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            example.com                | example.com        | -
            shop.example.com:8443      | shop.example.com   | 8443
            192.0.2.1:53               | 192.0.2.1          | 53
            2001:db8::1                | 2001:db8::1        | -
            [2001:db8::1]              | [2001:db8::1]      | -
            [2001:db8::1]:8443         | [2001:db8::1]      | 8443
            example.com:65535          | example.com        | 65535
            :80                        | ''                 | 80
            """)
    void hostAndPortAreSplit(String text, String host, Integer port) {
        assertEquals(new HostPort(host, port), HostPort.parse(text));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            example.com:0              | not a number from 1 to 65535
            example.com:65536          | not a number from 1 to 65535
            example.com:+53            | '+53' is not a number
            example.com:-1             | not a number from 1 to 65535
            example.com:               | not a number from 1 to 65535
            example.com:٨٠             | not a number from 1 to 65535
            example.com:８０            | not a number from 1 to 65535
            example.com:http           | not a number from 1 to 65535
            [2001:db8::1]:+80          | not a number from 1 to 65535
            [2001:db8::1               | opens a bracket for an IPv6 address but does not close it
            [2001:db8::1:8443          | opens a bracket for an IPv6 address but does not close it
            [2001:db8::1]8443          | expected :PORT
            """)
    void malformedPortOrBracketIsBadInput(String text, String reason) {
        BadInputException e = assertThrows(BadInputException.class, () -> HostPort.parse(text));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
