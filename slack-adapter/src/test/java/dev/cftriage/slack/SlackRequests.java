package dev.cftriage.slack;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends Slack-signed requests (commands, events, interactions) to the app's HTTP endpoint on loopback. */
final class SlackRequests {
    static final String SECRET = "test-signing-secret-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    SlackRequests(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + SlackHttpServer.PATH);
    }

    /** A slash command as Slack posts it. */
    HttpResponse<String> command(String command, String text, String channel, String responseUrl) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "unused-verification");
        form.put("team_id", "T0000001");
        form.put("channel_id", channel);
        form.put("channel_name", "ops");
        form.put("user_id", "UHUMAN00001");
        form.put("user_name", "alice");
        form.put("command", command);
        form.put("text", text);
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1.2.3");
        return send(formBody(form), "application/x-www-form-urlencoded", now(), SECRET, Map.of());
    }

    /** An Events API callback around the event JSON. */
    HttpResponse<String> event(String eventId, String eventJson, Map<String, String> headers) throws IOException, InterruptedException {
        String body = "{\"token\":\"unused\",\"team_id\":\"T0000001\",\"api_app_id\":\"A0000001\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":" + eventJson + "}";
        return send(body, "application/json", now(), SECRET, headers);
    }

    /** An interaction (shortcut or button) with its JSON payload. */
    HttpResponse<String> interaction(String payloadJson) throws IOException, InterruptedException {
        return send(formBody(Map.of("payload", payloadJson)), "application/x-www-form-urlencoded", now(), SECRET, Map.of());
    }

    /** Any body, signed with the secret at the timestamp given (to forge or age requests). */
    HttpResponse<String> send(String body, String contentType, long timestamp, String secret, Map<String, String> headers)
            throws IOException, InterruptedException {
        String ts = Long.toString(timestamp);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
