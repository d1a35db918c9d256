package dev.cftriage.internal.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ResolverConfig;

class DnsResolversTest {

    @ParameterizedTest(name = "{0} is asked at {1}")
    @CsvSource({
            "1.1.1.1, 1.1.1.1:53",
            "1.1.1.1:5353, 1.1.1.1:5353",
            "127.0.0.1:40053, 127.0.0.1:40053",
            "[2606:4700::1111]:53, [2606:4700::1111]:53",
            "[2606:4700:0:0::1111]:853, [2606:4700::1111]:853",
            "[::1], [::1]:53",
            "::1, [::1]:53",
            "2606:4700::1111, [2606:4700::1111]:53",
            "' 9.9.9.9:53 ', 9.9.9.9:53"
    })
    void ipLiteralSpecIsAccepted(String spec, String described) {
        assertEquals(List.of(described), DnsResolvers.parse(List.of(spec)).describe());
    }

    @Test
    void resolversKeepTheirOrderWithoutDuplicates() {
        DnsResolvers resolvers = DnsResolvers.parse(List.of("9.9.9.9", "1.1.1.1:53", "9.9.9.9:53", "[::1]:5353"));

        assertEquals(List.of("9.9.9.9:53", "1.1.1.1:53", "[::1]:5353"), resolvers.describe());
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
            "dns.google", "one.one.one.one:53", "1.1.1.1:0", "1.1.1.1:65536", "1.1.1.1:dns", "1.1.1.1:",
            "1.1.1.1:-53", "[2606:4700::1111", "[2606:4700::1111]53", "[2606:4700::1111]:99999", "256.1.1.1",
            "1.2.3.4.5", "", "   "
    })
    void malformedSpecIsBadInputWithOneLineReason(String spec) {
        BadInputException e = assertThrows(BadInputException.class, () -> DnsResolvers.parse(List.of(spec)));

        assertFalse(e.getMessage().isBlank());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void nameIsRefusedWithAHintToGiveTheAddress() {
        BadInputException e = assertThrows(BadInputException.class, () -> DnsResolvers.parse(List.of("dns.google")));

        assertTrue(e.getMessage().contains("dns.google") && e.getMessage().contains("IP address"), e.getMessage());
    }

    @Test
    void badPortIsNamedInTheReason() {
        BadInputException e = assertThrows(BadInputException.class, () -> DnsResolvers.parse(List.of("1.1.1.1:70000")));

        assertTrue(e.getMessage().contains("port"), e.getMessage());
    }

    @Test
    void emptyListMeansTheSystemResolvers() {
        List<String> system = ResolverConfig.getCurrentConfig().servers().stream()
                .map(DnsResolvers::describe).toList();

        assertEquals(system, DnsResolvers.parse(List.of()).describe());
    }
}
