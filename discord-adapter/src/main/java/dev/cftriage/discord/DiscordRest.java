package dev.cftriage.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The few Discord REST calls incident mode makes by id, without JDA's caches (which the light client keeps empty and
 * a restart forgets): post a message in a channel or thread, edit a message, start a thread on a message. Every
 * message sets {@code allowed_mentions} to ping no one. Calls block (10 s at most) and throw
 * {@link UncheckedIOException} on a failure; 404 is {@link NotFound}. The token is sent only to the configured API
 * URL and never logged. Thread-safe.
 */
final class DiscordRest {
    static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    DiscordRest(String apiUrl, String token) {
        String url = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl;
        this.base = url.endsWith("/") ? url : url + "/";
        this.token = token;
    }

    /** A message with the (already escaped) content and no pings; extra fields (embeds, components …) may be added. */
    static ObjectNode message(String content) {
        ObjectNode body = JSON.createObjectNode().put("content", content);
        body.putObject("allowed_mentions").putArray("parse");
        return body;
    }

    /** Posts the message in the channel (or thread); returns the new message's id. */
    String post(String channelId, ObjectNode message) {
        return call("POST", "channels/" + channelId + "/messages", message).path("id").asText();
    }

    /** Replaces the content of a message the bot posted (its embeds and components stay). */
    void edit(String channelId, String messageId, String content) {
        call("PATCH", "channels/" + channelId + "/messages/" + messageId, message(content));
    }

    /** Starts a public thread on the message; returns the thread's id. */
    String startThread(String channelId, String messageId, String name) {
        return call("POST", "channels/" + channelId + "/messages/" + messageId + "/threads",
                JSON.createObjectNode().put("name", name)).path("id").asText();
    }

    private JsonNode call(String method, String path, ObjectNode body) {
        Request request = new Request.Builder().url(base + path).header("Authorization", "Bot " + token)
                .method(method, RequestBody.create(body.toString(), JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 404) {
                throw new NotFound(method + " " + path);
            }
            if (!response.isSuccessful()) {
                throw new UncheckedIOException(new IOException(method + " " + path + " answered " + response.code()));
            }
            ResponseBody answer = response.body();
            String text = answer == null ? "" : answer.string();
            return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(method + " " + path + " failed: " + e.getClass().getSimpleName()));
        }
    }

    /** Discord answered 404: the channel, thread or message does not exist (or the bot cannot see it). */
    static final class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what + " answered 404");
        }
    }
}
