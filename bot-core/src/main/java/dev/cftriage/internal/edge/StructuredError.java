package dev.cftriage.internal.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The structured error Cloudflare's edge answers when asked with {@code Accept: application/json} (RFC 9457
 * style: {@code error_code}, {@code error_name}, {@code error_category}, {@code retryable}, {@code ray_id} …),
 * reduced to what the edge facts keep. Every field is null when the answer did not carry it.
 *
 * @param name {@code error_name}, e.g. {@code origin_unreachable}
 * @param category {@code error_category}, e.g. {@code origin}
 * @param retryable {@code retryable}
 * @param rayId {@code ray_id}
 * @param code {@code error_code} when it is a whole number (e.g. 1000, or 522), else null
 */
record StructuredError(String name, String category, Boolean retryable, String rayId, Integer code) {
    /** An answer that said nothing (not JSON, or no answer at all). */
    static final StructuredError NONE = new StructuredError(null, null, null, null, null);
    /** Codes Cloudflare gives are at most four digits. */
    private static final int MAX_CODE = 9_999;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the fields from a JSON body; {@link #NONE} when the body is null or not a JSON object. */
    static StructuredError parse(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        JsonNode retryable = root.get("retryable");
        JsonNode code = root.get("error_code");
        return new StructuredError(text(root, "error_name"), text(root, "error_category"),
                retryable != null && retryable.isBoolean() ? retryable.booleanValue() : null, text(root, "ray_id"),
                code != null && code.canConvertToInt() && code.isIntegralNumber() && code.intValue() > 0
                        && code.intValue() <= MAX_CODE ? code.intValue() : null);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
