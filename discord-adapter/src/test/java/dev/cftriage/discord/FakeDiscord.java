package dev.cftriage.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.ChatSession;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.JDA;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.internal.ws.RealWebSocket;

/**
 * A fake Discord on loopback for end-to-end tests with the real JDA: serves the REST API under {@code /api/v10/}
 * and the gateway WebSocket at {@code /gateway} from one mockwebserver3. It logs the bot in (HELLO, READY, one
 * guild with a text channel), answers heartbeats, dispatches the events a test sends, and records every REST call
 * with the JSON it answered. Optionally refuses the Message Content intent with close code 4014, as Discord does
 * when the intent is not enabled for the bot.
 *
 * <p>The gateway keeps a session as Discord does: dispatches carry sequence numbers, READY names a session id and a
 * {@code resume_gateway_url} ({@code /resume} on this fake), and a RESUME (op 6) for the current session replays the
 * dispatches after its sequence, then sends RESUMED; a RESUME for an unknown session gets INVALID_SESSION (op 9,
 * not resumable). Dispatches sent while the bot is disconnected wait for its RESUME. Tests can drop the connection
 * (with a close code or abruptly), keep the gateway down for a while, forget the session, and have a dispatch the
 * bot already saw delivered again after the next RESUME.
 */
final class FakeDiscord implements AutoCloseable {
    static final String BOT_ID = "1100000000000000001";
    static final String APP_ID = "1100000000000000002";
    static final String GUILD_ID = "1100000000000000003";
    static final String CHANNEL_ID = "1100000000000000004";
    static final String CHANNEL_NAME = "help-desk";
    static final String USER_ID = "1100000000000000005";
    static final int MESSAGE_CONTENT_INTENT = 1 << 15;
    /** The only bot token the login check ({@code GET /users/@me}) accepts; any other gets 401, as from Discord. */
    static final String TOKEN = "fake-token-for-tests-0123456789";

    private static final long DISCORD_EPOCH = 1420070400000L;
    private static final Pattern WEBHOOK_ORIGINAL = Pattern.compile("/api/v10/webhooks/\\d+/([^/]+)/messages/@original");
    private static final Pattern THREAD_FROM_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages");
    private static final String GATEWAY = "/gateway";
    private static final String RESUME_GATEWAY = "/resume";

    /** One REST call and the JSON body answered (empty for 204). */
    record Exchange(String method, String path, String body, String response) {
        /** The JSON sent: the body, or for a multipart body (a message with files) its {@code payload_json} part. */
        JsonNode json() {
            return read(body.startsWith("--") ? payloadJson(body) : body);
        }

        JsonNode responseJson() {
            return read(response);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final boolean refuseMessageContent;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<Integer> identifiedIntents = new CopyOnWriteArrayList<>();
    private final Map<String, String> originalIds = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final AtomicInteger sequence = new AtomicInteger();
    private final NavigableMap<Integer, Dispatch> dispatched = new ConcurrentSkipListMap<>();
    private final List<JsonNode> resumes = new CopyOnWriteArrayList<>();
    private final List<String> gatewayPaths = new CopyOnWriteArrayList<>();
    private final List<Integer> clientCloseCodes = new CopyOnWriteArrayList<>();
    private final Set<String> replayOnResume = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionsStarted = new AtomicInteger();
    private final AtomicInteger refusedUpgrades = new AtomicInteger();
    private volatile boolean gatewayDown;
    private volatile String sessionId;
    private volatile WebSocket socket;

    /** One dispatch sent (or waiting to be sent) on the gateway: its event name and payload. */
    private record Dispatch(String type, Object data) {
    }

    private FakeDiscord(boolean refuseMessageContent) {
        this.refuseMessageContent = refuseMessageContent;
    }

    /** Starts a fake on 127.0.0.1; with {@code refuseMessageContent} it closes an IDENTIFY asking for it with 4014. */
    static FakeDiscord start(boolean refuseMessageContent) throws IOException {
        FakeDiscord fake = new FakeDiscord(refuseMessageContent);
        fake.server.setDispatcher(fake.new Routes());
        fake.server.start(InetAddress.getByName("127.0.0.1"), 0);
        return fake;
    }

    /** Settings pointing a bot at this fake. */
    DiscordSettings settings(String supportChannel) {
        return new DiscordSettings(TOKEN, "http://127.0.0.1:" + server.getPort() + "/api/v10",
                "ws://127.0.0.1:" + server.getPort() + "/gateway", GUILD_ID,
                supportChannel == null ? Set.of() : Set.of(supportChannel), true);
    }

    /** Starts a bot on this fake with the support channel and waits until its session is ready. */
    DiscordBot connect(ChatBackend backend, Duration timeout) throws InterruptedException, TimeoutException {
        DiscordBot bot = DiscordBot.start(settings(CHANNEL_NAME),
                ChatSession.create("discord", backend, Duration.ofSeconds(30)));
        bot.awaitReady(timeout);
        return bot;
    }

    /**
     * Shuts the bot's JDA down cleanly: stops it, closes the gateway from this side, waits a little for the end, then
     * closes the bot (its paste detection).
     */
    void disconnect(DiscordBot bot) throws InterruptedException {
        JDA jda = bot.jda();
        jda.shutdownNow();
        closeGateway();
        jda.awaitShutdown(5, TimeUnit.SECONDS);
        bot.close();
    }

    /** The path of an interaction's callback (the reply or the deferral). */
    static String callbackPath(Map<String, Object> interaction) {
        return "/api/v10/interactions/" + interaction.get("id") + "/" + interaction.get("token") + "/callback";
    }

    /** The path of an interaction's original response (the deferred reply replaced by the report). */
    static String originalPath(Map<String, Object> interaction) {
        return "/api/v10/webhooks/" + APP_ID + "/" + interaction.get("token") + "/messages/@original";
    }

    /** The intents of each IDENTIFY received, in order. */
    List<Integer> identifiedIntents() {
        return List.copyOf(identifiedIntents);
    }

    /** A fresh snowflake: its timestamp is now, as Discord's interaction ids are. */
    String snowflake() {
        return Long.toString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (counter.incrementAndGet() & 0x3FFFFF));
    }

    /** Waits for the first recorded REST call, in order, that matches and has not been taken yet. */
    Exchange await(String method, String pathRegex, Duration timeout) throws InterruptedException {
        return await(method, pathRegex, e -> true, timeout);
    }

    private final List<Exchange> taken = new CopyOnWriteArrayList<>();

    /** Waits for the first recorded REST call that matches the method, path and predicate and was not taken yet. */
    Exchange await(String method, String pathRegex, Predicate<Exchange> test, Duration timeout) throws InterruptedException {
        Pattern path = Pattern.compile(pathRegex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Exchange e : exchanges) {
                if (e.method().equals(method) && path.matcher(e.path()).matches() && test.test(e)
                        && taken.stream().noneMatch(t -> t == e)) {
                    taken.add(e);
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + method + " " + pathRegex + " within " + timeout + "; saw " + summary());
    }

    /** Every REST call recorded so far, in order. */
    /** {@link #awaitCall(String, String, Predicate, Duration)} with 30 s as the guard against a hang. */
    Exchange awaitCall(String method, String path, Predicate<Exchange> test) throws InterruptedException {
        return awaitCall(method, path, test, Duration.ofSeconds(30));
    }

    /**
     * Waits for a recorded REST call with the method and exact path that the predicate accepts, taken or not (unlike
     * {@link #await}); fails after {@code timeout}.
     */
    Exchange awaitCall(String method, String path, Predicate<Exchange> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Exchange e : exchanges) {
                if (e.method().equals(method) && e.path().equals(path) && test.test(e)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + method + " " + path + " as expected within " + timeout + "; saw " + summary());
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Every REST call so far as {@code METHOD path}, for failure messages. */
    List<String> summary() {
        List<String> out = new ArrayList<>();
        exchanges.forEach(e -> out.add(e.method() + " " + e.path()));
        return out;
    }

    /** Dispatches a slash command invocation by a member in the support channel; returns the interaction. */
    Map<String, Object> slashCommand(String name, Map<String, String> options) {
        List<Object> opts = new ArrayList<>();
        options.forEach((k, v) -> opts.add(obj("name", k, "type", 3, "value", v)));
        Map<String, Object> interaction = interaction(2, obj("id", snowflake(), "name", name, "type", 1, "options", opts));
        dispatch("INTERACTION_CREATE", interaction);
        return interaction;
    }

    /** Dispatches the "Triage this error" message command on a member's message; returns the interaction. */
    Map<String, Object> messageCommand(String name, String content) {
        String target = snowflake();
        Map<String, Object> message = message(target, CHANNEL_ID, USER_ID, content);
        Map<String, Object> interaction = interaction(2, obj("id", snowflake(), "name", name, "type", 3,
                "target_id", target, "resolved", obj("messages", obj(target, message))));
        dispatch("INTERACTION_CREATE", interaction);
        return interaction;
    }

    /** Dispatches a button press on a bot message; returns the interaction. */
    Map<String, Object> buttonPress(String customId, String messageId, String channelId) {
        Map<String, Object> interaction = interaction(3, obj("custom_id", customId, "component_type", 2));
        interaction.put("message", message(messageId, channelId, BOT_ID, ""));
        dispatch("INTERACTION_CREATE", interaction);
        return interaction;
    }

    /** Dispatches a member's message in the support channel; returns the message id. */
    String memberMessage(String content) {
        String id = snowflake();
        Map<String, Object> message = message(id, CHANNEL_ID, USER_ID, content);
        message.put("guild_id", GUILD_ID);
        message.put("member", obj("roles", List.of(), "joined_at", "2024-01-01T00:00:00.000000+00:00", "deaf", false,
                "mute", false, "flags", 0));
        dispatch("MESSAGE_CREATE", message);
        return id;
    }

    private Map<String, Object> interaction(int type, Map<String, Object> data) {
        return obj("id", snowflake(), "application_id", APP_ID, "type", type, "token", "itoken" + snowflake(),
                "version", 1, "guild_id", GUILD_ID, "guild", obj("id", GUILD_ID, "locale", "en-US", "features", List.of()),
                "channel_id", CHANNEL_ID, "channel", textChannel(),
                "member", member(user(USER_ID, "alice", false), "8"), "app_permissions", "8", "locale", "en-US",
                "guild_locale", "en-US", "entitlements", List.of(),
                "authorizing_integration_owners", obj("0", GUILD_ID), "context", 0, "data", data);
    }

    /** Sends a dispatch with the next sequence number, or keeps it for the bot's RESUME while it is disconnected. */
    private synchronized void dispatch(String type, Object data) {
        int seq = sequence.incrementAndGet();
        dispatched.put(seq, new Dispatch(type, data));
        WebSocket ws = socket;
        if (ws != null) {
            ws.send(frame(seq, type, data));
        }
    }

    private static String frame(int seq, String type, Object data) {
        return write(obj("op", 0, "t", type, "s", seq, "d", data));
    }

    /** The RESUME payloads (op 6 {@code d}: session_id, seq, token) received, in order. */
    List<JsonNode> resumes() {
        return List.copyOf(resumes);
    }

    /** The close codes of the gateway connections the bot closed, in order. */
    List<Integer> clientCloseCodes() {
        return List.copyOf(clientCloseCodes);
    }

    /** The path of each gateway connection the bot opened, in order ({@code /gateway} or {@code /resume}). */
    List<String> gatewayPaths() {
        return List.copyOf(gatewayPaths);
    }

    /** The current session's id (null before READY and after {@link #forgetSession()}). */
    String sessionId() {
        return sessionId;
    }

    /** The sequence number of the last dispatch. */
    int lastSequence() {
        return sequence.get();
    }

    /** Waits until READY or RESUMED has been sent {@code count} times in all. */
    void awaitSessions(int count, Duration timeout) throws InterruptedException {
        awaitCount(sessionsStarted, count, "sessions (READY or RESUMED)", timeout);
    }

    /** Waits until {@code count} gateway connections in all were refused while the gateway was down. */
    void awaitRefusedUpgrades(int count, Duration timeout) throws InterruptedException {
        awaitCount(refusedUpgrades, count, "refused gateway connections", timeout);
    }

    private void awaitCount(AtomicInteger counted, int count, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counted.get() < count) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(counted.get() + " " + what + " within " + timeout + ", expected " + count
                        + "; gateway connections " + gatewayPaths + ", resumes " + resumes);
            }
            Thread.sleep(20);
        }
    }

    /** How many recorded REST calls match the method and path. */
    long count(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return exchanges.stream().filter(e -> e.method().equals(method) && path.matcher(e.path()).matches()).count();
    }

    /** Closes the gateway connection from the server side with this close code, as Discord does on a fault. */
    void dropGateway(int closeCode) {
        WebSocket ws = detach();
        ws.close(closeCode, "fake Discord dropped the connection");
    }

    /** Cuts the gateway connection without a close frame, as a network failure does. */
    void cutGateway() {
        ((RealWebSocket) detach()).failWebSocket(new IOException("fake Discord cut the connection"), null, false);
    }

    private synchronized WebSocket detach() {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("the bot is not connected");
        }
        socket = null;
        return ws;
    }

    /** While down, gateway connections are refused with 503 (REST still answers). */
    void gatewayDown(boolean down) {
        gatewayDown = down;
    }

    /** Forgets the current session, so the bot's next RESUME gets INVALID_SESSION and it must IDENTIFY again. */
    void forgetSession() {
        sessionId = null;
    }

    /**
     * On the next successful RESUME, delivers again (with a new sequence number) the dispatch whose payload has this
     * id — an interaction or a message the bot already received.
     */
    void replayOnNextResume(String dispatchedId) {
        replayOnResume.add(dispatchedId);
    }

    /** Answers a RESUME: replays what the bot missed and sends RESUMED, or INVALID_SESSION for an unknown session. */
    private synchronized void resume(WebSocket webSocket, JsonNode request) {
        resumes.add(request);
        if (sessionId == null || !sessionId.equals(request.path("session_id").asText())) {
            webSocket.send(write(obj("op", 9, "d", false)));
            return;
        }
        socket = webSocket;
        List<Map.Entry<Integer, Dispatch>> missed = List.copyOf(dispatched.tailMap(request.path("seq").asInt(), false).entrySet());
        missed.forEach(e -> webSocket.send(frame(e.getKey(), e.getValue().type(), e.getValue().data())));
        List<Dispatch> again = dispatched.values().stream()
                .filter(d -> d.data() instanceof Map<?, ?> m && replayOnResume.contains(String.valueOf(m.get("id"))))
                .toList();
        replayOnResume.clear();
        again.forEach(d -> dispatch(d.type(), d.data()));
        dispatch("RESUMED", obj());
        sessionsStarted.incrementAndGet();
    }

    @Override
    public void close() throws IOException {
        WebSocket ws = socket;
        if (ws != null) {
            ws.close(1000, "fake Discord closing");
        }
        server.close();
    }

    /** Closes the gateway socket from the server side with a close frame (for a clean JDA shutdown). */
    void closeGateway() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.close(1000, "bye");
        }
    }

    private final class Routes extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String method = request.getMethod();
            if (path.equals(GATEWAY) || path.equals(RESUME_GATEWAY)) {
                if (gatewayDown) {
                    refusedUpgrades.incrementAndGet();
                    return new MockResponse.Builder().code(503).build();
                }
                gatewayPaths.add(path);
                return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
            }
            if (path.equals("/api/v10/users/@me") && !("Bot " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
                return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                        .body("{\"message\":\"401: Unauthorized\",\"code\":0}").build();
            }
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            String response = answer(method, path, body);
            exchanges.add(new Exchange(method, path, body, response));
            if (response == null) {
                return new MockResponse.Builder().code(404).body("{\"message\":\"Unknown\",\"code\":0}").build();
            }
            return response.isEmpty() ? new MockResponse.Builder().code(204).build()
                    : new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(response).build();
        }

        private String answer(String method, String path, String body) {
            Matcher m;
            if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
                return write(user(BOT_ID, "cf-triage", true));
            }
            if (method.equals("POST") && path.matches("/api/v10/interactions/\\d+/[^/]+/callback")) {
                return "";
            }
            if (method.equals("PUT") && path.matches("/api/v10/applications/\\d+(/guilds/\\d+)?/commands")) {
                return "[]";
            }
            if ((m = WEBHOOK_ORIGINAL.matcher(path)).matches()) {
                if (method.equals("DELETE")) {
                    return "";
                }
                String id = originalIds.computeIfAbsent(m.group(1), t -> snowflake());
                return write(message(id, CHANNEL_ID, BOT_ID, ""));
            }
            if (method.equals("POST") && path.matches("/api/v10/webhooks/\\d+/[^/]+")) {
                return write(message(snowflake(), CHANNEL_ID, BOT_ID, ""));
            }
            if (method.equals("POST") && (m = THREAD_FROM_MESSAGE.matcher(path)).matches()) {
                JsonNode request = read(body);
                return write(obj("id", snowflake(), "type", 11, "guild_id", GUILD_ID, "parent_id", m.group(1),
                        "owner_id", BOT_ID, "name", request.path("name").asText(), "member_count", 1,
                        "message_count", 0, "rate_limit_per_user", 0, "flags", 0, "total_message_sent", 0,
                        "thread_metadata", obj("archived", false, "auto_archive_duration", 1440, "locked", false,
                                "archive_timestamp", "2026-01-01T00:00:00.000000+00:00")));
            }
            if (method.equals("PATCH") && (m = CHANNEL_MESSAGE.matcher(path)).matches()) {
                return write(message(m.group(2), m.group(1), BOT_ID, read(body).path("content").asText("")));
            }
            if (method.equals("POST") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
                return write(message(snowflake(), m.group(1), BOT_ID, read(body).path("content").asText("")));
            }
            return null;
        }
    }

    private final class Gateway extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            webSocket.send(write(obj("op", 10, "s", null, "t", null, "d", obj("heartbeat_interval", 41250))));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode payload = read(text);
            switch (payload.path("op").asInt()) {
                case 1 -> webSocket.send(write(obj("op", 11)));
                case 2 -> identify(webSocket, payload.path("d").path("intents").asInt());
                case 6 -> resume(webSocket, payload.path("d"));
                default -> { }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            clientCloseCodes.add(code);
            disconnected(webSocket);
            webSocket.close(code, null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            disconnected(webSocket);
        }

        private void identify(WebSocket webSocket, int intents) {
            identifiedIntents.add(intents);
            if (refuseMessageContent && (intents & MESSAGE_CONTENT_INTENT) != 0) {
                webSocket.close(4014, "Disallowed intent(s).");
                return;
            }
            synchronized (FakeDiscord.this) {
                socket = webSocket;
                sessionId = "session-" + snowflake();
                dispatch("READY", obj("v", 10, "user", user(BOT_ID, "cf-triage", true),
                        "guilds", List.of(obj("id", GUILD_ID, "unavailable", true)), "private_channels", List.of(),
                        "session_id", sessionId, "resume_gateway_url", "ws://127.0.0.1:" + server.getPort() + RESUME_GATEWAY,
                        "application", obj("id", APP_ID, "flags", 0), "relationships", List.of(), "presences", List.of()));
                dispatch("GUILD_CREATE", guild());
                sessionsStarted.incrementAndGet();
            }
        }
    }

    private synchronized void disconnected(WebSocket webSocket) {
        if (socket == webSocket) {
            socket = null;
        }
    }

    private Map<String, Object> guild() {
        return obj("id", GUILD_ID, "name", "Support", "owner_id", USER_ID, "icon", null, "member_count", 2,
                "large", false, "unavailable", false, "afk_timeout", 300, "joined_at", "2024-01-01T00:00:00.000000+00:00",
                "roles", List.of(obj("id", GUILD_ID, "name", "@everyone", "permissions", "8", "position", 0,
                        "color", 0, "colors", obj("primary_color", 0, "secondary_color", null, "tertiary_color", null), "hoist", false, "managed", false, "mentionable", false, "flags", 0)),
                "channels", List.of(textChannel()), "threads", List.of(), "guild_scheduled_events", List.of(),
                "emojis", List.of(), "stickers", List.of(), "voice_states", List.of(), "presences", List.of(),
                "features", List.of(), "members", List.of(member(user(BOT_ID, "cf-triage", true), null)));
    }

    private static Map<String, Object> textChannel() {
        return obj("id", CHANNEL_ID, "type", 0, "guild_id", GUILD_ID, "name", CHANNEL_NAME, "position", 0,
                "permission_overwrites", List.of(), "nsfw", false, "parent_id", null, "topic", null,
                "last_message_id", null, "rate_limit_per_user", 0, "flags", 0);
    }

    private static Map<String, Object> user(String id, String name, boolean bot) {
        return obj("id", id, "username", name, "discriminator", "0", "global_name", null, "avatar", null, "bot", bot);
    }

    private static Map<String, Object> member(Map<String, Object> user, String permissions) {
        Map<String, Object> member = obj("user", user, "roles", List.of(), "joined_at", "2024-01-01T00:00:00.000000+00:00",
                "deaf", false, "mute", false, "flags", 0);
        if (permissions != null) {
            member.put("permissions", permissions);
        }
        return member;
    }

    private static Map<String, Object> message(String id, String channelId, String authorId, String content) {
        return obj("id", id, "channel_id", channelId, "author", user(authorId, authorId.equals(BOT_ID) ? "cf-triage" : "alice",
                        authorId.equals(BOT_ID)), "content", content, "timestamp", "2026-11-20T10:15:30.000000+00:00",
                "edited_timestamp", null, "tts", false, "mention_everyone", false, "mentions", List.of(),
                "mention_roles", List.of(), "attachments", List.of(), "embeds", List.of(), "pinned", false, "type", 0,
                "flags", 0, "components", List.of());
    }

    /** A JSON object from alternating keys and values (values may be null). */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code payload_json} part of a multipart body, or "" when there is none. */
    private static String payloadJson(String multipart) {
        int part = multipart.indexOf("name=\"payload_json\"");
        int start = part < 0 ? -1 : multipart.indexOf("\r\n\r\n", part);
        int end = start < 0 ? -1 : multipart.indexOf("\r\n--", start + 4);
        return end < 0 ? "" : multipart.substring(start + 4, end);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text == null || text.isEmpty() ? "{}" : text);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
