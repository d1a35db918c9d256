package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.Secret;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FakeCloudflare;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CfTriage#proxiedHosts}: a zone's proxied hosts read from a fake Cloudflare API on loopback, its answers
 * taken as hostile input, and nothing asked without a token.
 */
class ZoneProxiedHostsTest {
    private static final String TOKEN = "cf-test-token-SECRET-0123456789abcdef";
    private static final String ZONE_PATH = "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353";
    private static final String PROXIED = ZONE_PATH + "/dns_records?proxied=true&per_page=100";

    private FakeCloudflare cloudflare;

    @BeforeEach
    void start() throws Exception {
        cloudflare = new FakeCloudflare()
                .route("/client/v4/zones?name=example.test", "zones-example.json")
                .route("/client/v4/zones?name=www.example.test", "zones-none.json");
    }

    @AfterEach
    void stop() {
        cloudflare.close();
    }

    private ZoneHosts ask(TriageConfig config, String zone) {
        try (CfTriage engine = CfTriage.create(config)) {
            return engine.proxiedHosts(zone).join();
        }
    }

    private TriageConfig withToken() {
        return Engines.loopbackLab(Duration.ofMillis(1500)).toBuilder().cloudflareApiUrl(cloudflare.apiUrl())
                .cloudflareApiToken(Secret.of(TOKEN)).build();
    }

    @Test
    void aHostileRecordListIsFilteredToValidProxiedHostsInTheZoneDedupedAndCapped() {
        cloudflare.route(PROXIED, "dns-records-proxied-hostile.json");

        ZoneHosts.Proxied proxied = assertInstanceOf(ZoneHosts.Proxied.class, ask(withToken(), "Example.Test."));

        List<String> expected = new ArrayList<>(List.of("example.test", "shop.example.test"));
        IntStream.rangeClosed(1, 18).forEach(i -> expected.add(String.format("host%02d.example.test", i)));
        assertEquals(expected, proxied.hosts(), "no wildcard, DNS-only, MX/TXT, malformed, foreign or address names");
        assertEquals(ZoneHosts.MAX_HOSTS, proxied.hosts().size());
        assertEquals(7, proxied.skipped(), "host19 to host25 are valid but over the cap");
        assertFalse(proxied.more());
        assertEquals("example.test", proxied.zone());
        assertTrue(cloudflare.requests().stream().allMatch(r -> ("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization"))));
    }

    @Test
    void aHugeListIsReadOnlyAsFarAsOnePageAndSaysThereMayBeMore() {
        StringBuilder body = new StringBuilder("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[");
        for (int i = 0; i < 50_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"A\",\"proxied\":true,\"name\":\"h").append(i)
                    .append(".example.test\"}");
        }
        cloudflare.routeChunked(PROXIED, body.append("]}").toString());

        ZoneHosts.Proxied proxied = assertInstanceOf(ZoneHosts.Proxied.class, ask(withToken(), "example.test"));

        assertEquals(ZoneHosts.MAX_HOSTS, proxied.hosts().size());
        assertEquals(100 - ZoneHosts.MAX_HOSTS, proxied.skipped(), "only the first page's worth of records is looked at");
        assertTrue(proxied.more());
    }

    @Test
    void withoutATokenNothingIsAskedOfTheApi() {
        TriageConfig noToken = Engines.loopbackLab(Duration.ofMillis(1500)).toBuilder()
                .cloudflareApiUrl(cloudflare.apiUrl()).build();

        assertInstanceOf(ZoneHosts.Off.class, ask(noToken, "example.test"));
        assertInstanceOf(ZoneHosts.Off.class, ask(withToken().toBuilder().offline(true).build(), "example.test"));
        assertEquals(List.of(), cloudflare.requests());
    }

    @Test
    void aNameNoZoneHasOrNoHostNameIsNotAZoneAndAnAddressIsNeverAsked() {
        assertInstanceOf(ZoneHosts.NotAZone.class, ask(withToken(), "www.example.test"));
        for (String notAName : new String[] {"127.0.0.1", "", "a b", "*.example.test"}) {
            assertInstanceOf(ZoneHosts.NotAZone.class, ask(withToken(), notAName), notAName);
        }
        assertInstanceOf(ZoneHosts.NotAZone.class, ask(withToken(), null));
        assertEquals(1, cloudflare.requests().size(), "only www.example.test was looked up");
        assertEquals(0, cloudflare.count(ZONE_PATH + "/dns_records"));
    }

    @Test
    void aRefusalIsOneLineNamingTheMissingScopeWithoutTheToken() {
        cloudflare.route(PROXIED, 403, FakeCloudflare.fixture("error-403.json"));

        ZoneHosts.Unreadable unreadable = assertInstanceOf(ZoneHosts.Unreadable.class, ask(withToken(), "example.test"));

        assertEquals("example.test", unreadable.zone());
        assertTrue(unreadable.reason().contains("403") && unreadable.reason().contains("DNS Read"), unreadable.reason());
        assertFalse(unreadable.reason().contains(TOKEN) || unreadable.reason().contains("\n"), unreadable.reason());
    }

    @Test
    void aZoneIdThatIsNoIdIsNeverPutInAPath() {
        cloudflare.route("/client/v4/zones?name=example.test", 200,
                "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{\"id\":\"../../accounts\",\"name\":\"example.test\"}]}");

        ZoneHosts.Unreadable unreadable = assertInstanceOf(ZoneHosts.Unreadable.class, ask(withToken(), "example.test"));

        assertTrue(unreadable.reason().contains("malformed id"), unreadable.reason());
        assertEquals(1, cloudflare.requests().size());
    }
}
