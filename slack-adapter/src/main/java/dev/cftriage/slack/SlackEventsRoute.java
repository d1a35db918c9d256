package dev.cftriage.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.cftriage.http.HttpAnswer;
import dev.cftriage.http.IncomingRequest;
import dev.cftriage.http.PostHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Slack's commands, events and interactions, once {@link SlackSignatureCheck} has accepted them, handed to Bolt.
 * An exact replay (the same signature) within the signature window is acknowledged with an empty 200 and not run
 * again. A body Bolt cannot read, or on which it fails, gets a short 400 ({@code bad request}); the server's log line
 * names the failure's class, never its message or the body. Thread-safe.
 */
final class SlackEventsRoute implements PostHandler {
    /** Signatures remembered: far more requests than Slack sends one app within the window. */
    static final int MAX_REMEMBERED = 100_000;

    private final App app;
    private final SlackRequestParser parser;
    private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
            .expireAfterWrite(SlackSignatureCheck.WINDOW.multipliedBy(2).plus(Duration.ofMinutes(1))).build();

    SlackEventsRoute(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    public HttpAnswer handle(IncomingRequest request, byte[] body) {
        if (seen.asMap().putIfAbsent(request.header(SlackSignatureCheck.SIGNATURE), Boolean.TRUE) != null) {
            return HttpAnswer.text(200, "").because("replay of a signed request: not run again");
        }
        Response response;
        try {
            Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.path()).queryString(request.query())
                    .headers(new RequestHeaders(request.headers()))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(request.remoteAddress()).build());
            if (slackRequest == null) {
                return HttpAnswer.refusal(400, "signed request of no kind Bolt knows");
            }
            response = app.run(slackRequest);
        } catch (Exception | LinkageError e) {
            return HttpAnswer.refusal(400, "Bolt failed on a signed request: " + e.getClass().getSimpleName());
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        if (status >= 500) {
            return HttpAnswer.refusal(400, "Bolt answered a signed request with " + status);
        }
        String contentType = response.getContentType() == null ? "text/plain" : response.getContentType().split(";")[0];
        return new HttpAnswer(status, contentType, response.getBody() == null ? "" : response.getBody(), null);
    }
}
