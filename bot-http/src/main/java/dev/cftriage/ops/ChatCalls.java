package dev.cftriage.ops;

/** Hears the chat platform's API calls, for metrics. Implementations are thread-safe, quick and never throw. */
@FunctionalInterface
public interface ChatCalls {
    /** Hears nothing. */
    ChatCalls NONE = (method, result) -> {
    };

    /**
     * One API call, or one attempt of it.
     *
     * @param method the API method or route, e.g. {@code chat.postMessage} or {@code POST /channels/{id}/messages};
     *     from a fixed set, never with ids or tokens in it
     * @param result {@code ok}, {@code error} (the platform answered but refused), {@code 429}, {@code 5xx},
     *     {@code 4xx}, {@code retry} (an attempt about to be made again) or {@code network_error}
     */
    void record(String method, String result);
}
