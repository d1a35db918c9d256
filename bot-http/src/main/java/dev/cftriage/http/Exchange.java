package dev.cftriage.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request being answered: writes the answer once and leaves one log line with the method, path, status, reason
 * and lengths, all cleaned; never a body. Refusals and answers with a reason log at INFO, others at DEBUG.
 * Thread-safe.
 */
final class Exchange {
    private static final Logger log = LoggerFactory.getLogger(BotHttpServer.class);

    private final IncomingRequest request;
    private final long declaredLength;
    private final Response response;
    private final Callback callback;
    private final AtomicBoolean answered = new AtomicBoolean();

    Exchange(IncomingRequest request, long declaredLength, Response response, Callback callback) {
        this.request = request;
        this.declaredLength = declaredLength;
        this.response = response;
        this.callback = callback;
    }

    IncomingRequest request() {
        return request;
    }

    /** Refuses with the status's short phrase; {@code reason} (a fixed phrase) goes to the log. */
    void refuse(int status, String reason, long read) {
        answer(HttpAnswer.refusal(status, reason), read);
    }

    /** Sends the answer and logs it; a second answer is ignored. */
    void answer(HttpAnswer answer, long read) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        String line = "{} {} {} {} (declared {} B, read {} B) from {}";
        Object[] args = {LogText.clean(request.method()), LogText.clean(request.path()), answer.status(),
                answer.reason() == null ? "answered" : LogText.clean(answer.reason()), declaredLength, read, LogText.clean(request.remoteAddress())};
        if (answer.status() >= 400 || answer.reason() != null) {
            log.info(line, args);
        } else {
            log.debug(line, args);
        }
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType() + ";charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().getBytes(StandardCharsets.UTF_8).length);
        Content.Sink.write(response, true, answer.body(), callback);
    }
}
