package dev.cftriage.internal.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.config.Secret;
import dev.cftriage.testing.FakeCloudflare;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class CloudflareApiTest {
    private static final String TOKEN = "cf-test-token-SECRET-0123456789abcdef";
    private static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";

    private static CloudflareApi api(FakeCloudflare fake) {
        return new CloudflareApi(fake.apiUrl(), Secret.of(TOKEN), Duration.ofSeconds(2));
    }

    @Test
    void theZoneIsTheLongestParentNameTheTokenCanRead() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare()
                .route("/client/v4/zones?name=shop.example.test", "zones-none.json")
                .route("/client/v4/zones?name=example.test", "zones-example.json");
             CloudflareApi api = api(fake)) {
            JsonNode zone = api.zone("shop.example.test").get();

            assertEquals(ZONE, zone.path("id").asText());
            for (RecordedRequest r : fake.requests()) {
                assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
            }
        }
    }

    @Test
    void aChunkedAnswerLargerThanTheCapIsRefusedNotReadWhole() throws Exception {
        String huge = "{\"success\":true,\"result\":[\"" + "x".repeat(5 * 1024 * 1024) + "\"]}";
        try (FakeCloudflare fake = new FakeCloudflare().routeChunked("/client/v4/zones", huge);
             CloudflareApi api = api(fake)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> api.zone("example.test").get());
            assertTrue(e.getCause().getMessage().contains("too large"), e.getCause().getMessage());
        }
    }

    @Test
    void aHostInNoZoneHasNone() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route("/client/v4/zones", "zones-none.json");
             CloudflareApi api = api(fake)) {
            assertNull(api.zone("shop.example.test").get());
        }
    }

    @Test
    void aRefusalNamesTheMissingScopeAndNeverTheToken() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare()
                .route("/client/v4/zones/" + ZONE + "/settings/ssl", 403, FakeCloudflare.fixture("error-403.json"));
             CloudflareApi api = api(fake)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> api.setting(ZONE, "ssl").get());
            String message = e.getCause().getMessage();

            assertTrue(message.contains("403") && message.contains("9109") && message.contains("Zone Read"), message);
            assertFalse(message.contains(TOKEN), message);
        }
    }

    @Test
    void aRateLimitSaysWhenToRetry() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().rateLimited("/client/v4/zones", 30);
             CloudflareApi api = api(fake)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> api.zone("example.test").get());

            assertTrue(e.getCause().getMessage().contains("rate limiting"), e.getCause().getMessage());
            assertTrue(e.getCause().getMessage().contains("retry after 30 s"), e.getCause().getMessage());
        }
    }

    @Test
    void answersAreCachedBriefly() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route("/client/v4/zones/" + ZONE + "/settings/ssl",
                "settings-ssl-strict.json");
             CloudflareApi api = api(fake)) {
            assertEquals("strict", api.setting(ZONE, "ssl").get());
            assertEquals("strict", api.setting(ZONE, "ssl").get());

            assertEquals(1, fake.count("/client/v4/zones/" + ZONE + "/settings/ssl"));
        }
    }

    @Test
    void theRayIdIsLookedUpByRayNameInHttpRequestsAdaptive() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route("/client/v4/graphql", "graphql-ray-502.json");
             CloudflareApi api = api(fake)) {
            Instant until = Instant.parse("2026-01-18T14:45:00Z");
            JsonNode row = api.request(ZONE, "8b2e5f3a1c9d4e7f", until.minusSeconds(1800), until).get();

            assertEquals(502, row.path("originResponseStatus").asInt());
            String body = fake.requests().get(0).getBody().utf8();
            assertTrue(body.contains("httpRequestsAdaptive") && body.contains("rayName"), body);
            assertTrue(body.contains("\"rayName\":\"8b2e5f3a1c9d4e7f\"") && body.contains("\"zoneTag\":\"" + ZONE + "\""), body);
        }
    }

    @Test
    void aRayIdNotInTheSampleIsNull() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route("/client/v4/graphql", "graphql-empty.json");
             CloudflareApi api = api(fake)) {
            Instant now = Instant.parse("2026-01-18T14:45:00Z");
            assertNull(api.request(ZONE, "8b2e5f3a1c9d4e7f", now.minusSeconds(60), now).get());
        }
    }
}
