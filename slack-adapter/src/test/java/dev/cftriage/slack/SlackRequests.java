package dev.cftriage.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends Slack-signed requests (commands, events, interactions) to the app's HTTP endpoint on loopback, shaped as
 * Slack sends them. Events and interactions happen in {@link #CHANNEL}, by the user {@link #USER}.
 */
final class SlackRequests {
    static final String SECRET = "test-signing-secret-0123456789";
    static final String CHANNEL = "C0000001";
    static final String USER = "UHUMAN00001";
    static final String FORM = "application/x-www-form-urlencoded";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    SlackRequests(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + SlackHttpServer.PATH);
    }

    /** A slash command as Slack posts it. */
    HttpResponse<String> command(String command, String text, String channel, String responseUrl) throws IOException, InterruptedException {
        return send(commandForm(command, text, channel, responseUrl), FORM, now(), SECRET, Map.of());
    }

    /** The form body of a slash command, unsigned (to sign it wrongly with {@link #send}). */
    static String commandForm(String command, String text, String channel, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "unused-verification");
        form.put("team_id", "T0000001");
        form.put("channel_id", channel);
        form.put("channel_name", "ops");
        form.put("user_id", USER);
        form.put("user_name", "alice");
        form.put("command", command);
        form.put("text", text);
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1.2.3");
        return formBody(form);
    }

    /** An Events API callback around the event JSON. */
    HttpResponse<String> event(String eventId, String eventJson, Map<String, String> headers) throws IOException, InterruptedException {
        String body = "{\"token\":\"unused\",\"team_id\":\"T0000001\",\"api_app_id\":\"A0000001\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":" + eventJson + "}";
        return send(body, "application/json", now(), SECRET, headers);
    }

    /** An interaction (shortcut or button) with its JSON payload. */
    HttpResponse<String> interaction(String payloadJson) throws IOException, InterruptedException {
        return send(formBody(Map.of("payload", payloadJson)), FORM, now(), SECRET, Map.of());
    }

    /** The "Triage this error" shortcut on a message someone else posted at {@code messageTs}. */
    HttpResponse<String> shortcut(String messageTs, String text, String responseUrl) throws IOException, InterruptedException {
        Map<String, Object> message = Map.of("type", "message", "user", "UOTHER00001", "ts", messageTs, "text", text);
        return interaction(json(Map.of("type", "message_action", "callback_id", SlackTriageApp.SHORTCUT,
                "trigger_id", "1.2", "message_ts", messageTs, "response_url", responseUrl, "team", Map.of("id", "T0000001"),
                "user", Map.of("id", USER), "channel", Map.of("id", CHANNEL), "message", message)));
    }

    /**
     * The submission of the form {@code /cftriage} opened, with the fields' values by field id (code, host, origin,
     * paste) and the channel the view carried.
     */
    HttpResponse<String> formSubmission(String channel, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((field, value) -> values.put(field,
                Map.of(TriageModal.VALUE, Map.of("type", "plain_text_input", "value", value))));
        Map<String, Object> view = Map.of("id", "V0000001", "type", "modal", "callback_id", TriageModal.CALLBACK,
                "private_metadata", channel, "state", Map.of("values", values));
        return interaction(json(Map.of("type", "view_submission", "team", Map.of("id", "T0000001"),
                "user", Map.of("id", USER), "api_app_id", "A0000001", "trigger_id", "1.4", "view", view)));
    }

    /** A press of the button with the action id and value, under a report in the thread {@code threadTs}. */
    HttpResponse<String> button(String actionId, String value, String threadTs, String responseUrl)
            throws IOException, InterruptedException {
        Map<String, Object> container = Map.of("type", "message", "message_ts", "1700000000.1002", "channel_id", CHANNEL,
                "thread_ts", threadTs);
        Map<String, Object> action = Map.of("type", "button", "action_id", actionId, "block_id", "b", "value", value,
                "action_ts", "1700000500.0");
        return interaction(json(Map.of("type", "block_actions", "trigger_id", "1.3", "response_url", responseUrl,
                "team", Map.of("id", "T0000001"), "user", Map.of("id", USER), "channel", Map.of("id", CHANNEL),
                "container", container, "actions", List.of(action))));
    }

    /** An app_mention event: the bot mentioned before the text, at {@code ts} in the thread {@code threadTs}. */
    static String mention(String ts, String threadTs, String text) {
        return json(Map.of("type", "app_mention", "user", USER, "text", "<@" + FakeSlack.BOT_USER + "> " + text,
                "ts", ts, "thread_ts", threadTs, "channel", CHANNEL, "event_ts", ts));
    }

    /** A message event in the channel, by a user or a bot (either may be null). */
    static String message(String user, String botId, String ts, String text) {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("type", "message", "channel", CHANNEL,
                "channel_type", "channel", "text", text, "ts", ts, "event_ts", ts));
        if (user != null) {
            event.put("user", user);
        }
        if (botId != null) {
            event.put("bot_id", botId);
        }
        return json(event);
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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
