package dev.cftriage.http;

/**
 * A handler's answer: status, content type and body, sent as UTF-8, and what the server's log line says of it.
 *
 * @param status the HTTP status
 * @param contentType the media type, without charset
 * @param body the body; may be empty, never null
 * @param reason for the log only: a short fixed phrase (never text from the request), or null for an ordinary
 *     answer. An answer with a reason, or with a status of 400 or more, is logged at INFO; others at DEBUG
 */
public record HttpAnswer(int status, String contentType, String body, String reason) {

    public HttpAnswer {
        if (status < 100 || status > 599 || contentType == null || body == null) {
            throw new IllegalArgumentException("bad answer");
        }
    }

    /** A plain-text answer. */
    public static HttpAnswer text(int status, String body) {
        return new HttpAnswer(status, "text/plain", body, null);
    }

    /** A JSON answer. */
    public static HttpAnswer json(int status, String body) {
        return new HttpAnswer(status, "application/json", body, null);
    }

    /** A refusal: the status with its short plain phrase ({@code bad request} …), and the reason for the log. */
    public static HttpAnswer refusal(int status, String reason) {
        return new HttpAnswer(status, "text/plain", PlainErrorHandler.phrase(status) + "\n", reason);
    }

    /** This answer with the reason for the log. */
    public HttpAnswer because(String why) {
        return new HttpAnswer(status, contentType, body, why);
    }
}
