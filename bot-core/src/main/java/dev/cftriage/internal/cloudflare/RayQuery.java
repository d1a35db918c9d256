package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cftriage.internal.net.Ascii;
import java.time.Instant;

/**
 * The GraphQL Analytics query that finds one request by Ray ID: {@code httpRequestsAdaptive} of the zone, filtered
 * by {@code rayName} and a time window (the dataset requires one), and the reading of its answer.
 */
final class RayQuery {
    static final String QUERY = """
            query RayLookup($zoneTag: string, $rayName: string, $since: Time, $until: Time) {
              viewer {
                zones(filter: {zoneTag: $zoneTag}) {
                  httpRequestsAdaptive(limit: 1, filter: {rayName: $rayName, datetime_geq: $since, datetime_leq: $until}) {
                    rayName
                    datetime
                    coloCode
                    clientRequestHTTPHost
                    clientRequestPath
                    edgeResponseStatus
                    originResponseStatus
                    originIP
                    edgeTimeToFirstByteMs
                    originResponseDurationMs
                  }
                }
              }
            }""";

    private RayQuery() {
    }

    /** The POST body: the query and its variables. */
    static JsonNode body(String zoneId, String rayId, Instant since, Instant until) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("query", QUERY);
        ObjectNode variables = body.putObject("variables");
        variables.put("zoneTag", zoneId);
        variables.put("rayName", rayId);
        variables.put("since", since.toString());
        variables.put("until", until.toString());
        return body;
    }

    /** The first request in the answer, or null; GraphQL errors become an exception. */
    static JsonNode firstRequest(JsonNode answer) {
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String described = ApiErrors.describe(answer);
            throw new CloudflareServiceException("the Cloudflare API: the Analytics query failed" + described
                    + (Ascii.containsIgnoreCase(described, "not authorized")
                    ? ": the token may lack the Analytics Read permission" : ""));
        }
        JsonNode rows = answer.path("data").path("viewer").path("zones").path(0).path("httpRequestsAdaptive");
        return rows.isArray() && !rows.isEmpty() ? rows.get(0) : null;
    }
}
