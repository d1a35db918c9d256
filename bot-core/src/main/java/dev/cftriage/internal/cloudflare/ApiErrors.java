package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the errors Cloudflare's API puts in its envelope ({@code "errors": [{"code": 9109, "message": "…"}]}, or
 * GraphQL's {@code "errors": [{"message": "…"}]}) and says which token scope a refusal points to.
 */
final class ApiErrors {
    private ApiErrors() {
    }

    /** {@code " (code 9109: Unauthorized …)"} for the envelope's errors, or empty when it has none. */
    static String describe(JsonNode json) {
        List<String> parts = new ArrayList<>();
        if (json != null && json.path("errors").isArray()) {
            for (JsonNode error : json.path("errors")) {
                String message = error.path("message").asText("");
                parts.add(error.has("code") ? "code " + error.path("code").asText() + ": " + message : message);
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    /** A hint naming the token scope a 401 or 403 on this call needs; empty for other statuses. */
    static String hint(int status, String what) {
        if (status != 401 && status != 403) {
            return "";
        }
        String scope = what.contains("graphql") ? "Analytics Read"
                : what.contains("cfd_tunnel") ? "Cloudflare Tunnel Read (account)"
                : what.contains("dns_records") ? "DNS Read"
                : "Zone Read";
        return ": the token may lack the " + scope + " permission";
    }
}
