package dev.cftriage.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocketListener;

/**
 * A fake Slack Web API on loopback: answers {@code auth.test}, {@code chat.postMessage}, {@code chat.update},
 * {@code views.open}, {@code chat.getPermalink} and response_url posts, and records every call; with
 * {@link #acceptSocketMode} also {@code apps.connections.open} and the Socket Mode WebSocket. Posting to a channel in
 * {@link #closedChannels} fails with
 * {@code not_in_channel}; scripted answers (a 429 …) are served first, each once, to the first call that matches.
 */
final class FakeSlack implements AutoCloseable {
    static final String BOT_USER = "UBOT0000001";
    static final String BOT_ID = "BBOT0000001";
    /** Where Socket Mode's WebSocket connections go. */
    static final String SOCKET_LINK = "/link/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call Slack saw: the path, the form (or JSON body as {@code body}) and the HTTP status answered. */
    record Call(String path, Map<String, String> form, int status) {
        String get(String name) {
            return form.get(name);
        }

        /** Every text in the posted blocks, decoded, one per line: what a reader of the message sees. */
        String shown() {
            try {
                return JSON.readTree(get("blocks")).findValues("text").stream()
                        .map(text -> text.isTextual() ? text.asText() : text.path("text").asText())
                        .collect(Collectors.joining("\n"));
            } catch (JsonProcessingException e) {
                throw new AssertionError("blocks are not JSON: " + get("blocks"), e);
            }
        }

        /** The value of the button with this action id in the posted blocks; fails when there is none. */
        String buttonValue(String actionId) {
            try {
                for (JsonNode block : JSON.readTree(get("blocks"))) {
                    for (JsonNode element : block.path("elements")) {
                        if (actionId.equals(element.path("action_id").asText())) {
                            return element.path("value").asText();
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                throw new AssertionError("blocks are not JSON: " + get("blocks"), e);
            }
            throw new AssertionError("no button " + actionId + " in " + get("blocks"));
        }
    }

    /** An answer waiting for the first call to its path whose form matches. */
    private record Scripted(String path, Predicate<Map<String, String>> when, MockResponse response) {
    }

    final Set<String> closedChannels = ConcurrentHashMap.newKeySet();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ts = new AtomicInteger(1000);
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger socketLinks = new AtomicInteger();
    private volatile WebSocketListener socketMode;

    FakeSlack() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** The Web API base URL, for SLACK_API_URL. */
    String apiUrl() {
        return server.url("/api/").toString();
    }

    /** The settings a bot needs to talk to this fake: a bot token, the tests' signing secret and the API URL. */
    Map<String, String> botEnv() {
        return Map.of("SLACK_BOT_TOKEN", "xoxb-test-token-0123456789", "SLACK_SIGNING_SECRET", SlackRequests.SECRET,
                "SLACK_API_URL", apiUrl());
    }

    /** A response_url on this fake. */
    String responseUrl(String name) {
        return server.url("/respond/" + name).toString();
    }

    /**
     * Accepts Socket Mode: {@code apps.connections.open} answers a {@code ws://127.0.0.1:…} URL, and each
     * connection to it is upgraded to a WebSocket served by the listener.
     */
    void acceptSocketMode(WebSocketListener listener) {
        socketMode = listener;
    }

    /** Serves this answer to the next call of the method (e.g. {@code chat.postMessage}). */
    void script(String method, MockResponse response) {
        script(method, form -> true, response);
    }

    /** Serves this answer to the next call of the method whose form matches (e.g. a post in a thread). */
    void script(String method, Predicate<Map<String, String>> when, MockResponse response) {
        scripted.add(new Scripted("/api/" + method, when, response));
    }

    /** Every call to the path so far. */
    List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** Every call to paths starting with the prefix (response_url posts are under {@code /respond/}). */
    List<Call> callsUnder(String prefix) {
        return calls.stream().filter(c -> c.path().startsWith(prefix)).toList();
    }

    /** Waits until the path has seen at least {@code n} calls that got a 200; returns those calls. */
    List<Call> await(String path, int n, Duration timeout) throws InterruptedException {
        return awaitOk(path, ok -> ok.size() >= n, n + " calls", timeout);
    }

    /** Waits until the path has seen a call that got a 200 in the thread {@code threadTs}; returns the 200 calls. */
    List<Call> awaitIn(String path, String threadTs, Duration timeout) throws InterruptedException {
        return awaitOk(path, ok -> ok.stream().anyMatch(c -> threadTs.equals(c.get("thread_ts"))),
                "a call in thread " + threadTs, timeout);
    }

    private List<Call> awaitOk(String path, Predicate<List<Call>> enough, String expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> ok = calls(path).stream().filter(c -> c.status() == 200).toList();
            if (enough.test(ok)) {
                return ok;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + expected + " to " + path + ", saw " + calls);
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith(SOCKET_LINK) && socketMode != null) {
            calls.add(new Call(path, Map.of(), 101));
            return new MockResponse.Builder().webSocketUpgrade(socketMode).build();
        }
        Map<String, String> form = form(request);
        for (Scripted canned : scripted) {
            if (canned.path().equals(path) && canned.when().test(form) && scripted.remove(canned)) {
                calls.add(new Call(path, form, canned.response().getCode()));
                return canned.response();
            }
        }
        calls.add(new Call(path, form, 200));
        String json = switch (path) {
            case "/api/auth.test" -> "{\"ok\":true,\"url\":\"https://t.example/\",\"team\":\"T\",\"user\":\"cf-triage\","
                    + "\"team_id\":\"T0000001\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"" + BOT_ID + "\"}";
            case "/api/chat.postMessage" -> closedChannels.contains(form.get("channel"))
                    ? "{\"ok\":false,\"error\":\"not_in_channel\"}"
                    : "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"1700000000." + ts.incrementAndGet() + "\"}";
            case "/api/views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V0000001\",\"type\":\"modal\"}}";
            case "/api/apps.connections.open" -> socketMode == null ? "{\"ok\":false,\"error\":\"not_allowed\"}"
                    : "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + server.getPort() + SOCKET_LINK + "?ticket="
                            + socketLinks.incrementAndGet() + "\"}";
            case "/api/chat.getPermalink" -> "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"permalink\":\""
                    + permalink(form.get("channel"), form.get("message_ts")) + "\"}";
            case "/api/chat.update" -> "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"" + form.get("ts") + "\"}";
            default -> path.startsWith("/respond/") ? "ok" : "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
    }

    private static Map<String, String> form(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Map<String, String> form = new LinkedHashMap<>();
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } else {
            form.put("body", body);
        }
        return form;
    }

    /** The link this fake gives for a message (a name only: nothing is served there). */
    static String permalink(String channel, String ts) {
        return "https://fake-slack.invalid/archives/" + channel + "/p" + String.valueOf(ts).replace(".", "");
    }

    /** A 429 with Retry-After, as Slack sends when a method's rate limit is hit. */
    static MockResponse rateLimited(int retryAfterSeconds) {
        return new MockResponse.Builder().code(429).addHeader("Retry-After", retryAfterSeconds)
                .addHeader("Content-Type", "application/json").body("{\"ok\":false,\"error\":\"ratelimited\"}").build();
    }

    /** A server error with this status, which leaves it unknown whether Slack took the message. */
    static MockResponse serverError(int status) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body("{\"ok\":false,\"error\":\"internal_error\"}").build();
    }

    @Override
    public void close() {
        server.close();
    }
}
