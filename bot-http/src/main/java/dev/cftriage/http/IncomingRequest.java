package dev.cftriage.http;

import java.util.List;
import java.util.Map;

/**
 * What a handler or an authenticator sees of a request besides its body. Everything in it came from the client:
 * clean it with {@link LogText#clean} before it reaches a log line.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param headers the headers by lower-case name, each with its values in order
 * @param query the query parameters, decoded
 * @param remoteAddress the client's address
 */
public record IncomingRequest(String method, String path, Map<String, List<String>> headers,
                              Map<String, List<String>> query, String remoteAddress) {

    public IncomingRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    /** The first value of the header, by any case of its name; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(LogText.foldAscii(name));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
