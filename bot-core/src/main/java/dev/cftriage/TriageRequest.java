package dev.cftriage;

import java.util.List;

/**
 * One request for a triage.
 *
 * @param text the paste or the command's text (a host, a URL, an error page, headers …); may be empty when
 *     {@code code} and {@code origins} say enough
 * @param code the code the command named (e.g. 523 for {@code /cf523}), overriding the paste's; or null
 * @param origins origin addresses or names given besides the text (the CLI's {@code --origin}); may be empty
 * @param fresh true to probe anew even when a finished run for the same target could be shared (a user pressing
 *     "Re-run probes"); a run still in flight is joined all the same, since its evidence is being collected now
 */
public record TriageRequest(String text, Integer code, List<String> origins, boolean fresh) {

    public TriageRequest {
        text = text == null ? "" : text;
        origins = origins == null ? List.of() : List.copyOf(origins);
    }

    /** A request that may share a recent run for the same target. */
    public TriageRequest(String text, Integer code, List<String> origins) {
        this(text, code, origins, false);
    }

    /** The same request, asking for fresh evidence. */
    public TriageRequest asFresh() {
        return new TriageRequest(text, code, origins, true);
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
