package dev.cftriage;

import java.util.List;

/**
 * One request for a triage.
 *
 * @param text the paste or the command's text (a host, a URL, an error page, headers …); may be empty when
 *     {@code code} and {@code origins} say enough
 * @param code the code the command named (e.g. 523 for {@code /cf523}), overriding the paste's; or null
 * @param origins origin addresses or names given besides the text (the CLI's {@code --origin}); may be empty
 */
public record TriageRequest(String text, Integer code, List<String> origins) {

    public TriageRequest {
        text = text == null ? "" : text;
        origins = origins == null ? List.of() : List.copyOf(origins);
    }

    /** A request with only a text. */
    public static TriageRequest of(String text) {
        return new TriageRequest(text, null, List.of());
    }

    /** A request with a text and the code a command named. */
    public static TriageRequest of(int code, String text) {
        return new TriageRequest(text, code, List.of());
    }
}
