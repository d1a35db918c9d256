package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.internal.evidence.StatusPageFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloudflare's status page through its Statuspage JSON API ({@code api/v2/summary.json}): the unresolved
 * incidents and the data centres that are not operational. The summary is cached for a minute and fetched once
 * for every caller asking at the same time; a failed fetch is not cached. Thread-safe.
 */
final class StatusPage implements AutoCloseable {
    /** How long a summary is reused. */
    static final Duration CACHE_FOR = Duration.ofMinutes(1);
    /** A data-centre component's name ends with its IATA code: "Frankfurt, Germany - (FRA)". */
    private static final Pattern COLO = Pattern.compile("\\(([A-Z]{3})\\)\\s*$");

    private final String page;
    private final ServiceClient client;
    private final SharedCalls<StatusPageFacts> summary = new SharedCalls<>(CACHE_FOR, 1);

    StatusPage(String baseUrl, Duration timeout) {
        this.page = baseUrl;
        this.client = new ServiceClient("the Cloudflare status page", baseUrl, null, timeout);
    }

    /** The page's address, as the report names it. */
    String page() {
        return page;
    }

    /** What the status page says now (at most a minute old). */
    CompletableFuture<StatusPageFacts> summary() {
        return summary.get("summary", () -> client.get("api/v2/summary.json").thenApply(this::read));
    }

    private StatusPageFacts read(JsonNode json) {
        if (!json.path("components").isArray()) {
            throw new CloudflareServiceException("the Cloudflare status page: the summary has no components");
        }
        List<StatusPageFacts.DataCentre> degraded = new ArrayList<>();
        int dataCentres = 0;
        for (JsonNode component : json.path("components")) {
            Matcher colo = COLO.matcher(component.path("name").asText(""));
            if (colo.find()) {
                dataCentres++;
                String status = component.path("status").asText("operational");
                if (!status.equals("operational")) {
                    degraded.add(new StatusPageFacts.DataCentre(component.path("name").asText(), colo.group(1), status));
                }
            }
        }
        List<StatusPageFacts.Incident> incidents = new ArrayList<>();
        for (JsonNode incident : json.path("incidents")) {
            String status = incident.path("status").asText("");
            if (status.equals("resolved") || status.equals("postmortem")) {
                continue;
            }
            List<String> components = new ArrayList<>();
            incident.path("components").forEach(c -> components.add(c.path("name").asText("")));
            String link = incident.path("shortlink").asText("");
            incidents.add(new StatusPageFacts.Incident(incident.path("name").asText("(untitled incident)"), status,
                    incident.path("impact").asText("none"),
                    link.isEmpty() ? page + "incidents/" + incident.path("id").asText("") : link, components));
        }
        JsonNode overall = json.path("status");
        return new StatusPageFacts(page, overall.path("indicator").asText("none"),
                overall.path("description").asText("unknown"), incidents, degraded, dataCentres);
    }

    @Override
    public void close() {
        client.close();
    }
}
