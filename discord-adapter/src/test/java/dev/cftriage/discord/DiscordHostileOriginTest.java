package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.CfTriage;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.TriageService;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TestDnsServer;
import dev.cftriage.testing.TlsFixtures;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A probed origin that attacks the chat: its {@code Server} header and its certificate's subject carry a masked
 * link, backticks and {@code @everyone}. Real JDA against {@link FakeDiscord}, the real engine probing an HTTPS origin
 * on loopback port 8443, names served by {@link TestDnsServer}.
 */
class DiscordHostileOriginTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HOST = "hostile.example.test";
    private static final String HOSTILE = "[click](https://evil.example) `x` @everyone";

    private final InetAddress origin = LoopbackAddresses.next();
    private TestDnsServer dns;
    private MockWebServer https;
    private TriageService service;
    private FakeDiscord fake;
    private DiscordBot bot;

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start().a(HOST, origin.getHostAddress());
        HeldCertificate selfSigned = new HeldCertificate.Builder().commonName(HOSTILE).organizationalUnit(HOSTILE).build();
        https = TlsFixtures.https(origin, 8443, selfSigned);
        https.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(502).setHeader("Server", HOSTILE).body("bad gateway").build();
            }
        });
        service = TriageService.create(CfTriage.create(Engines.loopbackLab(Duration.ofSeconds(2))
                .toBuilder().resolvers(List.of(dns.address())).build()));
        fake = FakeDiscord.start(false);
        bot = fake.connect(ChatBackend.of(service), WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        fake.disconnect(bot);
        fake.close();
        service.close();
        service.engine().close();
        https.close();
        dns.close();
    }

    @Test
    void serverHeaderAndCertificateSubjectShowAsTextThatLinksToNothingAndPingsNoOne() throws Exception {
        Map<String, Object> command = fake.slashCommand("cf526", Map.of("target", HOST, "origin", origin.getHostAddress()));
        FakeDiscord.Exchange edit = fake.await("PATCH", FakeDiscord.originalPath(command), WAIT);
        JsonNode embed = edit.json().path("embeds").path(0);

        List<String> markdown = new ArrayList<>(List.of(embed.path("title").asText(), embed.path("description").asText()));
        embed.path("fields").forEach(f -> markdown.addAll(List.of(f.path("name").asText(), f.path("value").asText())));
        String threadId = fake.await("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/"
                + edit.responseJson().path("id").asText() + "/threads", WAIT).responseJson().path("id").asText();
        markdown.add(fake.await("POST", "/api/v10/channels/" + threadId + "/messages", WAIT).json().path("content").asText());
        assertAll(markdown.stream().map(m -> () -> assertEquals(List.of(), RenderedMarkdown.problems(m))));
        String shown = RenderedMarkdown.shown(String.join("\n", markdown));
        assertTrue(shown.contains("server: " + HOSTILE), "the Server header is quoted as written: " + shown);
        assertTrue(shown.contains("self-signed (CN=" + HOSTILE + ",OU=" + HOSTILE + ")"),
                "the certificate subject is quoted as written: " + shown);
        JsonNode parse = edit.json().path("allowed_mentions").path("parse");
        assertTrue(parse.isArray() && parse.isEmpty(), edit.json().path("allowed_mentions").toString());
    }
}
