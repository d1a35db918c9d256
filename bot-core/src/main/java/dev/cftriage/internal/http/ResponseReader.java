package dev.cftriage.internal.http;

import dev.cftriage.internal.evidence.HeaderLimits;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.net.Texts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Turns an OkHttp response into {@link HttpFacts}: status, header sizes measured against Cloudflare's limits, the
 * headers that matter for triage, and at most {@link #BODY_CAP} bytes of body. Reading stops at the cap or when
 * the call's timeout (the probe's deadline) cuts it off, so an endless or dribbling body never holds a probe.
 * Stateless.
 */
public final class ResponseReader {
    /** The most body bytes read. */
    public static final int BODY_CAP = 64 * 1024;

    private static final int BODY_START_CHARS = 512;
    /** The longest header value kept as evidence, as for a pasted header. */
    private static final int MAX_HEADER_VALUE = 1024;
    private static final List<String> SELECTED_HEADERS = List.of("server", "content-type", "content-length", "location",
            "cf-ray", "cf-cache-status", "cf-error-type", "cf-mitigated", "date", "via", "x-powered-by");

    private ResponseReader() {
    }

    /** Reads the response (status, headers, capped body) into the exchange's facts. */
    static HttpExchange read(ProbeRequest request, Response response, PhaseRecorder phases) {
        Headers headers = (response.networkResponse() != null ? response.networkResponse() : response).headers();
        long total = lineBytes("HTTP/1.1 " + response.code() + " " + response.message()) + 2;
        long largest = 0;
        for (int i = 0; i < headers.size(); i++) {
            long line = lineBytes(headers.name(i) + ": " + headers.value(i));
            total += line;
            largest = Math.max(largest, line);
        }
        boolean tooLarge = HeaderLimits.over(total, largest);

        Buffer body = new Buffer();
        String stopped = readBody(response.body(), body);
        long transferEnd = phases.now();
        long bodyBytes = body.size();
        String text = body.readString(charsetOf(response.body()));

        HttpFacts facts = new HttpFacts(request.address().text(), request.port(), request.scheme(), request.host(),
                tooLarge ? HttpOutcome.HEADERS_TOO_LARGE : HttpOutcome.RESPONSE, response.code(), shown(headers.get("server")),
                total, largest, selected(headers), bodyStart(text), bodyBytes, stopped == null, phases.phases(transferEnd),
                stopped);
        return new HttpExchange(facts, text);
    }

    /** Reads up to the cap into {@code into}; returns why reading stopped early, or null when the body was complete. */
    private static String readBody(ResponseBody body, Buffer into) {
        BufferedSource source = body.source();
        try {
            while (into.size() < BODY_CAP) {
                if (source.read(into, BODY_CAP - into.size()) == -1) {
                    return null;
                }
            }
            return "stopped reading the body at " + BODY_CAP + " bytes";
        } catch (InterruptedIOException e) {
            return "the deadline passed while the body was still arriving";
        } catch (IOException e) {
            return "the body was cut short: " + e.getMessage();
        }
    }

    private static Charset charsetOf(ResponseBody body) {
        MediaType type = body.contentType();
        return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    }

    /** The size of one header line on the wire, CRLF included. */
    private static long lineBytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length + 2L;
    }

    private static Map<String, String> selected(Headers headers) {
        Map<String, String> selected = new LinkedHashMap<>();
        for (String name : SELECTED_HEADERS) {
            List<String> values = headers.values(name);
            if (!values.isEmpty()) {
                selected.put(name, shown(String.join(", ", values)));
            }
        }
        return selected;
    }

    /**
     * A header value as evidence may hold it: control characters (terminal escapes, bidirectional controls) as
     * {@code ?}, cut to {@link #MAX_HEADER_VALUE} characters; null stays null.
     */
    private static String shown(String value) {
        return value == null ? null : Texts.clip(value, MAX_HEADER_VALUE);
    }

    /** The first characters of the body with control characters (other than newline and tab) removed, or null. */
    public static String bodyStart(String text) {
        if (text.isEmpty()) {
            return null;
        }
        StringBuilder start = new StringBuilder();
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .limit(BODY_START_CHARS)
                .forEach(start::appendCodePoint);
        return start.toString();
    }
}
