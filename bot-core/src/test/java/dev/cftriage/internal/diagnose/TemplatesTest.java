package dev.cftriage.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.catalog.CauseEntry;
import dev.cftriage.internal.catalog.ErrorCatalog;
import dev.cftriage.internal.net.CloudflarePorts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fix steps are filled from the evidence, and what the evidence did not give is worded in general terms. */
class TemplatesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    @Test
    void aValueFromTheEvidenceFillsItsPlaceholder() {
        assertEquals("nc -vz 203.0.113.7 8443", Templates.fill("nc -vz {address} {port}",
                Map.of("address", "203.0.113.7", "port", "8443")));
    }

    @Test
    void aMissingValueInsideACommandIsANameToSetAndInProseGeneralWords() {
        assertEquals("Start the web server on your origin's IP address: `nc -vz ORIGIN_IP 443`",
                Templates.fill("Start the web server on {address}: `nc -vz {address} {port}`", Map.of()));
    }

    @Test
    void anAddressIsNeverSentAsSniWhileANameIs() {
        String template = "`openssl s_client -connect {address}:443{servername}`";
        assertEquals("`openssl s_client -connect 203.0.113.7:443`",
                Templates.fill(template, Map.of("address", "203.0.113.7", "host", "203.0.113.7")));
        assertEquals("`openssl s_client -connect 2001:db8::7:443`",
                Templates.fill(template, Map.of("address", "2001:db8::7", "host", "2001:db8::7")));
        assertEquals("`openssl s_client -connect 203.0.113.7:443 -servername shop.example.com`",
                Templates.fill(template, Map.of("address", "203.0.113.7", "host", "shop.example.com")));
    }

    @Test
    void everyPlaceholderTheCatalogUsesHasGeneralWordsWhenTheEvidenceGaveNoValue() {
        ErrorCatalog catalog = ErrorCatalog.load();
        Set<String> names = new TreeSet<>();
        Stream.concat(catalog.causes().stream().flatMap(c -> c.fix().stream()),
                catalog.codes().stream().flatMap(c -> Stream.of(c.owner(), c.visitor(), c.support()).flatMap(List::stream)))
                .forEach(text -> {
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                });
        assertTrue(names.contains("port") && names.contains("address"), names.toString());
        for (String name : names) {
            String filled = Templates.fill("{" + name + "}", Map.of());
            assertFalse(filled.equals(name) || filled.contains("<") || filled.contains("{"),
                    "{" + name + "} has no general wording: " + filled);
        }
    }

    private static final Pattern URL_WITH_PORT = Pattern.compile("(https?)://[^/\\s`]*:(\\d+)/");

    static Stream<Integer> proxiedPorts() {
        return Stream.concat(CloudflarePorts.HTTP.stream(), CloudflarePorts.HTTPS.stream()).sorted();
    }

    @ParameterizedTest(name = "on port {0}")
    @MethodSource("proxiedPorts")
    void noFixStepPairsASchemeWithAPortOfTheOtherKind(int port) {
        Map<String, String> values = Map.of("host", "shop.example.com", "address", "192.0.2.10", "port",
                String.valueOf(port), "status", "502", "server", "nginx");
        int urls = 0;
        for (CauseEntry cause : ErrorCatalog.load().causes()) {
            for (String step : cause.fix()) {
                Matcher m = URL_WITH_PORT.matcher(Templates.fill(step, values));
                while (m.find()) {
                    urls++;
                    boolean tls = CloudflarePorts.tls(Integer.parseInt(m.group(2)));
                    assertEquals(tls ? "https" : "http", m.group(1), cause.id() + ": " + m.group());
                }
            }
        }
        assertTrue(urls > 0, "the catalog has URLs with a port to check");
    }

    @Test
    void originHttpErrorOnPort80IsReproducedOverPlainHttp() {
        CauseEntry cause = ErrorCatalog.load().cause("origin-http-error").orElseThrow();
        String step = Templates.fill(cause.fix().get(0), Map.of("host", "shop.example.com", "address", "192.0.2.10",
                "port", "80", "status", "502", "server", "nginx"));

        assertTrue(step.contains(" http://shop.example.com:80/ "), step);
        assertFalse(step.contains("https://shop.example.com:80"), step);
    }

    @Test
    void schemeWithoutAKnownPortIsHttpsBesideTheDefaultPort() {
        assertEquals("https://your host name:443/", Templates.fill("{scheme}://{host}:{port}/", Map.of()));
    }
}
