package dev.cftriage.discord;

import dev.cftriage.ops.ChatCalls;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor on JDA's REST client that tells {@link ChatCalls} of every attempt: the method and the
 * route with every id, token or other variable segment replaced by {@code {id}} (so no interaction token reaches
 * a metric), and the result: {@code ok}, {@code 429}, {@code 4xx}, {@code 5xx} or {@code network_error}. JDA
 * retries 429s itself; each attempt is counted. Thread-safe.
 */
final class DiscordApiCalls implements Interceptor {
    /** The fixed words of Discord's REST routes; any other segment is a variable. */
    private static final Set<String> ROUTE_WORDS = Set.of("applications", "bot", "callback", "channels", "commands",
            "gateway", "guilds", "interactions", "members", "messages", "pins", "reactions", "roles", "threads",
            "typing", "users", "webhooks", "@me", "@original");
    private static final int MAX_SEGMENTS = 8;

    private final ChatCalls calls;

    DiscordApiCalls(ChatCalls calls) {
        this.calls = calls;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String route = request.method() + " " + route(request.url().pathSegments());
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            calls.record(route, "network_error");
            throw e;
        }
        int code = response.code();
        calls.record(route, code == 429 ? "429" : code >= 500 ? "5xx" : code >= 400 ? "4xx" : "ok");
        return response;
    }

    /** The route's shape: {@code /channels/{id}/messages}; the {@code api/v10} prefix dropped. */
    static String route(List<String> segments) {
        StringBuilder shape = new StringBuilder();
        int start = segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).startsWith("v") ? 2 : 0;
        for (int i = start; i < Math.min(segments.size(), start + MAX_SEGMENTS); i++) {
            String segment = segments.get(i);
            shape.append('/').append(ROUTE_WORDS.contains(segment) ? segment : "{id}");
        }
        return shape.length() == 0 ? "/" : shape.toString();
    }
}
