package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the parser understood from a paste or a command's text. Every field may be null (or empty) when the
 * paste did not say; nothing here has been checked against the network.
 *
 * @param code the HTTP 5xx status code (500–599), or null; {@link #describesError()} counts only 500–530
 * @param errorCode a Cloudflare 1xxx error code (1000–1999), or null
 * @param rayId the Ray ID, 16 lower-case hex digits without the colo suffix, or null
 * @param colo the data centre's IATA code (upper case), or null
 * @param coloCity the data centre's city as Cloudflare names it, or null
 * @param host the normalised host (lower case, punycode, no trailing dot; an IP literal stays an IP), or null
 * @param url the full URL when the paste named one, or null
 * @param port the port the URL named explicitly, or null
 * @param time when the error happened (from the page, headers, trace or JSON), or null
 * @param visitorIp the visitor's IP the page or trace showed, or null
 * @param generator who made the error response
 * @param origins origin addresses or names the text named with {@code origin=}, in order, normalised
 * @param format the richest format recognised
 * @param headers response headers found in the paste, names lower-cased, the first value of each
 * @param suspicious true when parts of the paste contradict each other (possibly a custom or fake page)
 * @param warnings why the paste is suspicious, and other things the reader should know, one line each
 */
public record ParsedPaste(
        Integer code,
        Integer errorCode,
        String rayId,
        String colo,
        String coloCity,
        String host,
        String url,
        Integer port,
        Instant time,
        String visitorIp,
        Generator generator,
        List<String> origins,
        PasteFormat format,
        Map<String, String> headers,
        boolean suspicious,
        List<String> warnings) {

    public ParsedPaste {
        generator = generator == null ? Generator.UNKNOWN : generator;
        origins = origins == null ? List.of() : List.copyOf(origins);
        format = format == null ? PasteFormat.EMPTY : format;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * True when the paste plausibly holds a Cloudflare 5xx or 1xxx error: a code from 500 to 530 or a 1xxx code,
     * together with a Ray ID, a host, a Cloudflare-generated response or Cloudflare's headers. The chat bots use it
     * to decide whether a message deserves an unprompted triage. Named without a get/is prefix so that Jackson
     * does not serialize it.
     */
    public boolean describesError() {
        boolean errorCodeSeen = (code != null && code >= 500 && code <= 530)
                || (errorCode != null && errorCode >= 1000 && errorCode <= 1999);
        boolean cloudflareHeaders = headers.keySet().stream().anyMatch(name -> name.startsWith("cf-"))
                || Ascii.lower(headers.getOrDefault("server", "")).startsWith("cloudflare");
        boolean context = rayId != null || host != null || generator == Generator.CLOUDFLARE || cloudflareHeaders;
        return errorCodeSeen && context;
    }

    /** A paste that said nothing. */
    public static ParsedPaste empty() {
        return new ParsedPaste(null, null, null, null, null, null, null, null, null, null,
                Generator.UNKNOWN, List.of(), PasteFormat.EMPTY, Map.of(), false, List.of());
    }
}
