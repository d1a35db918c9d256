package dev.cftriage.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolverAddressTest {

    @ParameterizedTest(name = "{0} is {1} port {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.1.1.1                  | 1.1.1.1          | 53
            ' 127.0.0.1:5353 '       | 127.0.0.1        | 5353
            ::1                      | ::1              | 53
            [2606:4700::1111]:853    | 2606:4700::1111  | 853
            """)
    void ipLiteralWithOptionalPortIsRead(String spec, String address, int port) {
        InetSocketAddress server = ResolverAddress.parse(spec);

        assertEquals(address, AddressPolicy.canonical(server.getAddress()));
        assertEquals(port, server.getPort());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            dns.google            | is a name: give its IP address
            dns.google:+53        | '+53' is not a number from 1 to 65535
            1.1.1.1:+53           | '+53' is not a number from 1 to 65535
            1.1.1.1:0             | is not a number from 1 to 65535
            [::1                  | does not close it
            256.1.1.1             | is not an IP address
            ''                    | empty DNS resolver
            """)
    void nameSignedPortOrMalformedSpecIsBadInput(String spec, String reason) {
        BadInputException e = assertThrows(BadInputException.class, () -> ResolverAddress.parse(spec));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
