package dev.cftriage.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.catalog.CauseEntry;
import dev.cftriage.catalog.ErrorCatalog;
import dev.cftriage.net.CloudflarePorts;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TemplatesTest {
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
    void schemeWithoutAKnownPortIsHttpsBesideThePortSlot() {
        assertEquals("https://<host>:<port>/", Templates.fill("{scheme}://{host}:{port}/", Map.of()));
    }
}
