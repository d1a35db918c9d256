package dev.cftriage.incidents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.input.BadInputException;
import dev.cftriage.report.InputSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Cloudflare notification as its generic webhook sends it (the documented envelope: {@code name}, {@code text},
 * {@code data}, {@code ts}, {@code alert_type}, {@code alert_correlation_id}, {@code alert_event}; any may be
 * missing), with the hosts it names.
 *
 * @param type the {@code alert_type} as sent (clipped), or null
 * @param kind what incident mode makes of the type
 * @param correlationId the {@code alert_correlation_id}, or null
 * @param ended true for {@code ALERT_STATE_EVENT_END}
 * @param name the policy's {@code name} (or {@code policy_name}), or null
 * @param text the {@code text}, or null
 * @param sentAt the {@code ts}, or null
 * @param hosts the hosts named in {@code data} (fields naming a zone, host, origin, pool or health check) and in the
 *     {@code text} (through the paste parser), in that order, at most {@link #MAX_HOSTS}
 */
public record CloudflareAlert(String type, AlertKind kind, String correlationId, boolean ended, String name,
                              String text, Instant sentAt, List<String> hosts) {
    /** Hosts taken from one alert at most. */
    public static final int MAX_HOSTS = 5;
    /** The {@code alert_event} of an alert that ended. */
    static final String END = "ALERT_STATE_EVENT_END";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 8;
    private static final int MAX_FIELDS = 2_000;
    /** Field names (ASCII lower case) under {@code data} whose values name a host. */
    private static final List<String> HOST_FIELDS = List.of("zone", "host", "origin", "pool", "health_check",
            "healthcheck", "address", "domain", "fqdn", "url", "tunnel");

    public CloudflareAlert {
        hosts = List.copyOf(hosts);
    }

    /**
     * Reads a webhook body.
     *
     * @throws BadInputException with a one-line reason when the body is not a JSON object
     */
    public static CloudflareAlert parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException("the body is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException("the body is not a JSON object");
        }
        String type = string(root, "alert_type", 100);
        String name = string(root, "name", 200);
        String text = string(root, "text", 2_000);
        JsonNode ts = root.get("ts");
        Instant sentAt = ts != null && ts.canConvertToLong() ? Instant.ofEpochSecond(
                Math.max(0, Math.min(ts.asLong(), Instant.MAX.getEpochSecond()))) : null;
        Set<String> hosts = new LinkedHashSet<>();
        JsonNode data = root.get("data");
        if (data != null) {
            collectHosts(data, null, 0, hosts, new int[1]);
        }
        if (text != null) {
            addHost(text, hosts);
        }
        return new CloudflareAlert(type, AlertKind.of(type), string(root, "alert_correlation_id", 200),
                END.equals(string(root, "alert_event", 100)), name != null ? name : string(root, "policy_name", 200),
                text, sentAt, hosts.stream().limit(MAX_HOSTS).toList());
    }

    /** The alert in one plain line, as incident mode shows it: kind, name, state and text. */
    public String line() {
        StringBuilder line = new StringBuilder("Cloudflare alert");
        if (name != null) {
            line.append(" \"").append(name).append('"');
        }
        line.append(" (").append(type == null ? "no alert_type" : type).append(')');
        line.append(ended ? " ended" : " started");
        if (text != null) {
            line.append(": ").append(text);
        }
        return Texts.clip(Texts.loggable(line.toString()), 500);
    }

    private static void collectHosts(JsonNode node, String field, int depth, Set<String> hosts, int[] seen) {
        if (depth > MAX_DEPTH || ++seen[0] > MAX_FIELDS || hosts.size() >= MAX_HOSTS) {
            return;
        }
        if (node.isTextual()) {
            if (field != null && namesHost(field)) {
                addHost(node.asText(), hosts);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collectHosts(item, field, depth + 1, hosts, seen);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                collectHosts(entry.getValue(), entry.getKey(), depth + 1, hosts, seen);
            }
        }
    }

    private static boolean namesHost(String field) {
        String folded = Texts.hostKey(field.length() > 100 ? field.substring(0, 100) : field.isBlank() ? "_" : field);
        return HOST_FIELDS.stream().anyMatch(folded::contains) && !folded.endsWith("_id") && !folded.equals("id");
    }

    /** Adds the host the paste parser reads in the value, if any. */
    private static void addHost(String value, Set<String> hosts) {
        if (value.isBlank() || value.length() > 2_000) {
            return;
        }
        try {
            String host = InputSummary.of(value).host();
            if (host != null && !host.isBlank()) {
                hosts.add(Texts.hostKey(host));
            }
        } catch (IllegalArgumentException e) {
            // not a host (BadInputException among them): nothing to add
        }
    }

    private static String string(JsonNode root, String field, int max) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Texts.clip(value.asText().strip(), max)
                : null;
    }
}
