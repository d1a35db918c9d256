package dev.cftriage.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.net.Texts;
import dev.cftriage.internal.net.VettedAddress;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.SharedHttpClient;
import dev.cftriage.testing.VettedLoopback;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A probed server's header values become evidence that the terminal, chat and logs show: a hostile origin's terminal
 * escapes ({@code ESC [2J}, an OSC title) and bidirectional controls must not survive into the facts, and a header
 * of any length must not become evidence of that length.
 */
class HostileHeaderTextTest {
    @RegisterExtension
    static final SharedHttpClient HTTP = new SharedHttpClient();

    private final VettedAddress address = VettedLoopback.next();

    @Test
    void controlCharactersInAServersHeadersDoNotReachTheFacts() throws Exception {
        String hostile = "nginx\u001b[2J\u001b]0;owned\u0007\u202Egnp.exe";
        try (MockWebServer server = new MockWebServer()) {
            server.start(address.address(), 8080);
            server.enqueue(new MockResponse.Builder().code(502).addHeaderLenient("Server", hostile)
                    .addHeaderLenient("Location", "/next\u001b[1A").body("bad gateway").build());

            HttpFacts facts = HTTP.client().exchange(Deadlines.budget(5000), request(), HttpExchange::facts).facts();

            assertEquals(502, facts.status());
            assertEquals(-1, Texts.firstControl(facts.server()), facts.server());
            assertTrue(facts.server().startsWith("nginx"), facts.server());
            facts.headers().values().forEach(v -> assertEquals(-1, Texts.firstControl(v), v));
        }
    }

    @Test
    void aServerHeaderOfAnyLengthIsCutForTheFacts() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(address.address(), 8080);
            server.enqueue(new MockResponse.Builder().addHeader("Server", "# ".repeat(20_000)).body("ok").build());

            HttpFacts facts = HTTP.client().exchange(Deadlines.budget(5000), request(), HttpExchange::facts).facts();

            assertTrue(facts.server().length() <= 1025, "server of " + facts.server().length() + " characters");
        }
    }

    private ProbeRequest request() {
        return new ProbeRequest(address, 8080, "origin.example", "/", Map.of("User-Agent", "cf-triage test"));
    }
}
