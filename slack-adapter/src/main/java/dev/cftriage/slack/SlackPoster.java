package dev.cftriage.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.view.View;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.cftriage.ops.ChatCalls;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts, updates, opens views and answers through {@code response_url}, retrying what is safe to retry. The SDK's synchronous
 * client does not retry by itself: a 429 is retried after its {@code Retry-After} (Slack did not take the message,
 * so nothing is posted twice). A 5xx is retried after a short back-off only for updates, which replace a message
 * and so cannot double it; a post (or a response_url answer) that got a 5xx may have been posted all the same, so
 * it is not retried. Each call makes at most {@link #MAX_ATTEMPTS} attempts. Network errors are never retried.
 * Thread-safe; calls block while they wait.
 */
final class SlackPoster {
    /** Attempts per call, the first included. */
    static final int MAX_ATTEMPTS = 4;
    /** Errors meaning the bot cannot post in the conversation, so the answer goes through response_url. */
    static final Set<String> CANNOT_POST = Set.of("not_in_channel", "channel_not_found", "is_archived",
            "restricted_action", "cannot_reply_to_message", "not_allowed_token_type");

    private static final Logger log = LoggerFactory.getLogger(SlackPoster.class);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final Slack slack;
    private final MethodsClient methods;
    private final Duration backoff;
    private final ChatCalls calls;

    /**
     * A poster over the Slack client with the bot's token.
     *
     * @param backoff the first wait after a 5xx (doubled each time)
     * @param calls hears every attempt's result by method (for metrics)
     */
    SlackPoster(Slack slack, String botToken, Duration backoff, ChatCalls calls) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
        this.backoff = backoff;
        this.calls = calls;
    }

    /** Posts a message in the channel, in the thread when {@code threadTs} is given; Slack's answer (ok or not). */
    ChatPostMessageResponse post(String channel, String threadTs, SlackMessage message) throws IOException {
        ChatPostMessageRequest request = ChatPostMessageRequest.builder().channel(channel).threadTs(threadTs)
                .text(message.text()).blocks(message.blocks()).unfurlLinks(false).unfurlMedia(false).build();
        return withRetries("chat.postMessage", false, () -> methods.chatPostMessage(request), ChatPostMessageResponse::isOk);
    }

    /** Replaces a message the bot posted; logs when Slack refuses. */
    void update(String channel, String ts, SlackMessage message) throws IOException {
        ChatUpdateRequest request = ChatUpdateRequest.builder().channel(channel).ts(ts)
                .text(message.text()).blocks(message.blocks()).build();
        var response = withRetries("chat.update", true, () -> methods.chatUpdate(request), ChatUpdateResponse::isOk);
        if (!response.isOk()) {
            log.warn("chat.update in {} was refused: {}", channel, response.getError());
        }
    }

    /**
     * Opens a view (a modal) for the user whose action gave the trigger id; logs when Slack refuses. Not retried on
     * a 5xx: a second view could open.
     */
    void openView(String triggerId, View view) throws IOException {
        ViewsOpenRequest request = ViewsOpenRequest.builder().triggerId(triggerId).view(view).build();
        var response = withRetries("views.open", false, () -> methods.viewsOpen(request), ViewsOpenResponse::isOk);
        if (!response.isOk()) {
            log.warn("views.open was refused: {}", response.getError());
        }
    }

    /** Answers through a response_url, for everyone in the conversation or only for the user. */
    void respond(String responseUrl, SlackMessage message, boolean inChannel) throws IOException {
        ActionResponse response = ActionResponse.builder().responseType(inChannel ? "in_channel" : "ephemeral")
                .replaceOriginal(false).text(message.text()).blocks(message.blocks()).build();
        Responder responder = new Responder(slack, responseUrl);
        WebhookResponse answer = withRetries("response_url", false, () -> {
            WebhookResponse r = responder.send(response);
            if (retryable(r.getCode(), false)) {
                throw new RetryableStatus(r.getCode(), header(r.getHeaders(), "retry-after"));
            }
            return r;
        }, r -> r.getCode() == 200);
        if (answer.getCode() != 200) {
            log.warn("response_url answered {}", answer.getCode());
        }
    }

    /**
     * Makes the call, retrying a 429 and, when {@code retryServerErrors}, a 5xx; other failures end it. Each
     * attempt's result is told to {@link #calls}: {@code ok} or {@code error} as {@code ok} judges the answer, the
     * HTTP status class, {@code retry} before each new attempt, {@code network_error}.
     */
    private <T> T withRetries(String what, boolean retryServerErrors, Call<T> call, Predicate<T> ok) throws IOException {
        for (int attempt = 1; ; attempt++) {
            RetryableStatus status;
            try {
                T answer = call.run();
                calls.record(what, ok.test(answer) ? "ok" : "error");
                return answer;
            } catch (SlackApiException e) {
                calls.record(what, statusClass(e.getResponse().code()));
                if (!retryable(e.getResponse().code(), retryServerErrors)) {
                    throw new IOException(what + " failed with HTTP " + e.getResponse().code() + ": " + e.getMessage());
                }
                status = new RetryableStatus(e.getResponse().code(), e.getResponse().header("Retry-After"));
            } catch (RetryableStatus e) {
                calls.record(what, statusClass(e.status));
                status = e;
            } catch (IOException e) {
                calls.record(what, "network_error");
                throw e;
            }
            Duration wait = status.status == 429 ? retryAfter(status.retryAfter) : backoff.multipliedBy(1L << (attempt - 1));
            if (attempt >= MAX_ATTEMPTS || wait.compareTo(LONGEST_WAIT) > 0) {
                throw new IOException(what + " still failed with HTTP " + status.status + " after " + attempt + " attempts");
            }
            log.warn("{} answered HTTP {}; retrying in {} ms", what, status.status, wait.toMillis());
            calls.record(what, "retry");
            sleep(wait);
        }
    }

    private static String statusClass(int status) {
        return status == 429 ? "429" : status >= 500 ? "5xx" : status >= 400 ? "4xx" : "error";
    }

    private static boolean retryable(int status, boolean retryServerErrors) {
        return status == 429 || retryServerErrors && status >= 500;
    }

    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers == null ? null : headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }

    private static void sleep(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry");
        }
    }

    /** One Slack call. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    /** A status Slack asks to retry, with its Retry-After header (or null). */
    private static final class RetryableStatus extends IOException {
        private final int status;
        private final String retryAfter;

        RetryableStatus(int status, String retryAfter) {
            super("HTTP " + status);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }
}
