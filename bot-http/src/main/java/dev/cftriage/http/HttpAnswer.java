package dev.cftriage.http;

/**
 * A handler's answer: status, content type and body, sent as UTF-8.
 *
 * @param status the HTTP status
 * @param contentType the media type, without charset
 * @param body the body; may be empty, never null
 */
public record HttpAnswer(int status, String contentType, String body) {

    public HttpAnswer {
        if (status < 100 || status > 599 || contentType == null || body == null) {
            throw new IllegalArgumentException("bad answer");
        }
    }

    /** A plain-text answer. */
    public static HttpAnswer text(int status, String body) {
        return new HttpAnswer(status, "text/plain", body);
    }

    /** A JSON answer. */
    public static HttpAnswer json(int status, String body) {
        return new HttpAnswer(status, "application/json", body);
    }
}
