package dev.cftriage.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to what never reaches a route (a malformed request line, headers over the limit): the status and a
 * short plain phrase, no page, no reason from the parser, no stack. Stateless.
 */
final class PlainErrorHandler implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        Content.Sink.write(response, true, phrase(response.getStatus()) + "\n", callback);
        return true;
    }

    /** The short phrase the server answers a status with. */
    static String phrase(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "unauthorized";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 408 -> "request timeout";
            case 413 -> "payload too large";
            case 431 -> "request headers too large";
            case 503 -> "busy, try again later";
            default -> status >= 500 ? "server error" : "request refused";
        };
    }
}
