package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.config.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Cloudflare's API v4 as cf-triage reads it, with a read-only token: zones, DNS records, zone settings, the
 * GraphQL Analytics API and the account's tunnels. Answers are cached briefly (a triage burst asks the same
 * questions) and callers asking the same question at once share one call; failures are not cached. Every call is
 * bounded by the client's timeout. Thread-safe.
 */
final class CloudflareApi implements AutoCloseable {
    /** How long an answer is reused. */
    static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final ServiceClient client;
    private final SharedCalls<JsonNode> answers = new SharedCalls<>(CACHE_FOR, 2_000);

    CloudflareApi(String baseUrl, Secret token, Duration timeout) {
        this.client = new ServiceClient("the Cloudflare API", baseUrl, token, timeout);
    }

    /** The API's {@code result} of a GET, cached. */
    CompletableFuture<JsonNode> result(String path) {
        return answers.get(path, () -> client.get(path).thenApply(json -> envelope(path, json)));
    }

    /**
     * The zone holding the host: the longest of the host's names (itself, then each parent with two labels or
     * more) that names a zone the token can read; null when none does. The names are asked side by side.
     */
    CompletableFuture<JsonNode> zone(String host) {
        List<String> names = new ArrayList<>();
        String name = host;
        while (name.indexOf('.') > 0) {
            names.add(name);
            name = name.substring(name.indexOf('.') + 1);
        }
        List<CompletableFuture<JsonNode>> lookups = names.stream().map(this::zoneNamed).toList();
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(done -> lookups.stream()
                .map(CompletableFuture::join).filter(zone -> zone != null).findFirst().orElse(null));
    }

    /** The zone named exactly {@code name} that the token can read, or null when there is none. */
    CompletableFuture<JsonNode> zoneNamed(String name) {
        return result("zones?name=" + encode(name)).thenApply(zones -> zones.isArray() && !zones.isEmpty()
                ? zones.get(0) : null);
    }

    /** The A, AAAA and CNAME records named exactly {@code host} in the zone. */
    CompletableFuture<JsonNode> dnsRecords(String zoneId, String host) {
        return result("zones/" + zoneId + "/dns_records?name=" + encode(host) + "&per_page=100");
    }

    /** The first page of the zone's proxied records, of every type, at most {@code perPage} of them. */
    CompletableFuture<JsonNode> proxiedRecords(String zoneId, int perPage) {
        return result("zones/" + zoneId + "/dns_records?proxied=true&per_page=" + perPage);
    }

    /** A zone setting's {@code value}, e.g. {@code ssl} → {@code strict}. */
    CompletableFuture<String> setting(String zoneId, String setting) {
        return result("zones/" + zoneId + "/settings/" + setting).thenApply(r -> r.path("value").asText(null));
    }

    /** The account's tunnels that are not deleted. */
    CompletableFuture<JsonNode> tunnels(String accountId) {
        return result("accounts/" + accountId + "/cfd_tunnel?is_deleted=false&per_page=100");
    }

    /** The connectors of one tunnel, each with its open connections. */
    CompletableFuture<JsonNode> tunnelConnections(String accountId, String tunnelId) {
        return result("accounts/" + accountId + "/cfd_tunnel/" + tunnelId + "/connections");
    }

    /** Cloudflare's published edge ranges ({@code ipv4_cidrs}, {@code ipv6_cidrs}); never cached. */
    CompletableFuture<JsonNode> ips() {
        return client.get("ips").thenApply(json -> envelope("ips", json));
    }

    /**
     * The sampled request with this Ray ID in the zone between two instants, from GraphQL's
     * {@code httpRequestsAdaptive}; null when the sample does not hold it. Cached by zone, ray and window.
     */
    CompletableFuture<JsonNode> request(String zoneId, String rayId, Instant since, Instant until) {
        String key = "graphql " + zoneId + " " + rayId + " " + since + " " + until;
        return answers.get(key, () -> client.post("graphql", RayQuery.body(zoneId, rayId, since, until))
                .thenApply(RayQuery::firstRequest));
    }

    /** The {@code result} of an API envelope; a {@code "success": false} answer becomes an exception. */
    private static JsonNode envelope(String path, JsonNode json) {
        if (!json.path("success").asBoolean(false)) {
            throw new CloudflareServiceException("the Cloudflare API: GET " + path.replaceAll("\\?.*", "")
                    + " did not succeed" + ApiErrors.describe(json));
        }
        return json.path("result");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
