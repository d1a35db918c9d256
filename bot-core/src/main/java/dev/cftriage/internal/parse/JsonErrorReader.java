package dev.cftriage.internal.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Reads a JSON error body: Cloudflare's structured errors ({@code error_code}, {@code error_name},
 * {@code error_category}, {@code ray_id}, {@code zone}, {@code retryable} …) and similar shapes that keep the details
 * in a {@code details} object ({@code code}, {@code details.ray_id}, {@code details.cloudflare_datacenter},
 * {@code details.origin_ip}, {@code details.timestamp}). The body is the first line that starts with <code>{</code>
 * (after curl's headers, if any); only the first JSON value is read, and a value cut short keeps the fields before
 * the cut. Thread-safe (the mapper is shared and
 * immutable); nesting is capped so that a hostile body fails fast.
 */
final class JsonErrorReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build());
    private static final String SOURCE = "the JSON body";
    private static final List<String> CODE_FIELDS = List.of("error_code", "status", "code", "http_status");
    private static final List<String> RAY_FIELDS = List.of("ray_id", "rayId", "ray", "cf_ray");
    private static final List<String> COLO_FIELDS = List.of("colo", "datacenter", "cloudflare_datacenter", "data_center");
    private static final List<String> HOST_FIELDS = List.of("zone", "host", "hostname", "domain");
    private static final List<String> TIME_FIELDS = List.of("timestamp", "time", "occurred_at");
    private static final List<String> ORIGIN_FIELDS = List.of("origin_ip", "origin");
    private static final List<String> CLOUDFLARE_FIELDS = List.of("error_code", "error_name", "error_category",
            "cloudflare_datacenter", "cloudflare_error");

    private JsonErrorReader() {
    }

    static void read(String text, Clues clues) {
        int start = objectStart(text);
        if (start < 0) {
            return;
        }
        JsonNode root = partialObject(text.substring(start));
        if (root.isEmpty()) {
            return;
        }
        List<JsonNode> scopes = List.of(root, root.path("details"), root.path("error"));
        for (JsonNode scope : scopes) {
            for (String field : CODE_FIELDS) {
                JsonNode v = scope.get(field);
                if (v != null && (v.isInt() || (v.isTextual() && v.asText().length() <= 4))) {
                    clues.code(v.asInt(), SOURCE);
                }
            }
        }
        boolean ray = false;
        for (String value : texts(scopes, RAY_FIELDS)) {
            ray |= clues.ray(RayIds.slotValue(value), SOURCE, true);
        }
        for (String value : texts(scopes, COLO_FIELDS)) {
            if (value.length() == 3) {
                clues.colo(value, SOURCE);
            } else {
                clues.city(value, SOURCE);
            }
        }
        for (String value : texts(scopes, HOST_FIELDS)) {
            clues.host(HostTokens.lenient(value), SOURCE);
        }
        for (String value : texts(scopes, TIME_FIELDS)) {
            Instant t = Timestamps.iso(value);
            clues.time(t != null ? t : Timestamps.epochSeconds(value));
        }
        for (String value : texts(scopes, ORIGIN_FIELDS)) {
            String origin = HostTokens.lenient(value);
            if (origin != null) {
                clues.origin(origin);
            }
        }
        boolean cloudflareShape = scopes.stream().anyMatch(s -> CLOUDFLARE_FIELDS.stream().anyMatch(s::has));
        if (ray && cloudflareShape) {
            clues.sign(Clues.Sign.CLOUDFLARE_JSON);
        }
        if (ray || clues.hasCode()) {
            clues.saw(PasteFormat.JSON);
        }
    }

    /**
     * The fields of the object the text starts with, as far as it can be read: a body cut short in the paste keeps
     * the fields before the cut. Scalars at the top level and in nested objects one level down are kept; arrays
     * are skipped.
     */
    private static ObjectNode partialObject(String json) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode current = null;
        String field = null;
        int depth = 0;
        try (JsonParser parser = MAPPER.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> {
                        depth++;
                        current = depth == 2 && field != null ? root.putObject(field) : null;
                    }
                    case START_ARRAY -> {
                        depth++;
                        current = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        current = null;
                        if (depth == 0) {
                            return root;
                        }
                    }
                    case FIELD_NAME -> field = parser.currentName();
                    default -> {
                        ObjectNode target = depth == 1 ? root : current;
                        if (target != null && field != null && token.isScalarValue()) {
                            target.set(field, scalar(parser, token));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return root;
        }
        return root;
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.INT
                    ? IntNode.valueOf(parser.getIntValue()) : TextNode.valueOf(parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NullNode.getInstance();
            default -> TextNode.valueOf(parser.getText());
        };
    }

    /** The offset of the first line that starts (after blanks) with an opening brace, or -1. */
    private static int objectStart(String text) {
        for (int brace = text.indexOf('{'); brace >= 0; brace = text.indexOf('{', brace + 1)) {
            int i = brace - 1;
            while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i--;
            }
            if (i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return brace;
            }
        }
        return -1;
    }

    private static List<String> texts(List<JsonNode> scopes, List<String> fields) {
        return scopes.stream()
                .flatMap(scope -> fields.stream().map(scope::get))
                .filter(v -> v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank())
                .map(v -> v.asText().strip())
                .toList();
    }
}
