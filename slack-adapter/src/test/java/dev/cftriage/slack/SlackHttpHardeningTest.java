package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.TriageRequest;
import dev.cftriage.http.LogCapture;
import dev.cftriage.http.RawHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack bot's HTTP endpoint under attack on loopback: slow bodies, huge bodies, unsigned and malformed payloads,
 * skewed timestamps, replays, and Slack's own link markup in a command.
 */
class SlackHttpHardeningTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** What an answer must never show: names of the libraries and exceptions behind the endpoint. */
    private static final Pattern INTERNALS = Pattern.compile("(?i)gson|exception|java|slack\\.api|bolt|jetty|at [a-z]+\\.");
    private static final String BOGUS_SIGNATURE = "v0=" + "0".repeat(64);
    /** The start of a hostile body: text that must not reach the log, with lines that would forge log entries. */
    private static final String FORGED_LOG_LINES =
            "BODYTEXT-must-not-be-logged\n12:00:00.000 ERROR [main] d.c.slack.SlackMain - forged\n".repeat(100);

    private final StubBackend backend = new StubBackend();
    private RunningBot bot;
    private SlackRequests requests;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.start(backend, Duration.ofSeconds(5));
        requests = bot.requests();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void signedCommandIsAcknowledgedWithinThreeSecondsWhile250SlowBodiesAreOpen() throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                RawHttp raw = new RawHttp(bot.http().port());
                slow.add(raw);
                raw.postHeaders(SlackHttpServer.PATH, signatureHeaders(BOGUS_SIGNATURE) + "Content-Type: " + SlackRequests.FORM
                        + "\r\nContent-Length: 4000\r\n").send("t");
            }

            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> ack = CompletableFuture.supplyAsync(() -> command("/cf523", "example.com"));
            assertEquals(200, ack.get(3, TimeUnit.SECONDS).statusCode(), "acknowledged within Slack's 3 s");
            System.out.printf("signed command acknowledged in %d ms while %d slow bodies were open%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), slow.size());

            for (RawHttp raw : slow) {
                int status = raw.send("x".repeat(3999)).response().status();
                assertTrue(status == 401 || status == 408, "each slow body was still open and then refused: " + status);
            }
        } finally {
            for (RawHttp raw : slow) {
                raw.close();
            }
        }
        awaitRequests(1);
    }

    @Test
    void tenMegabyteUnsignedBodyIsRefusedBeforeItIsReadAndLeavesOneShortLogLine() throws Exception {
        try (LogCapture log = new LogCapture(); RawHttp raw = new RawHttp(bot.http().port())) {
            raw.postHeaders(SlackHttpServer.PATH, "Content-Type: application/json\r\nContent-Length: 10485760\r\n")
                    .send(FORGED_LOG_LINES);
            RawHttp.Response answer = raw.response();

            assertEquals(413, answer.status());
            assertEquals("payload too large\n", answer.body());
            assertOneShortLine(log.lines(), "declared length over 1048576");
        }
    }

    @Test
    void tenMegabyteUnsignedChunkedBodyIsRefusedBeforeItIsReadAndLeavesOneShortLogLine() throws Exception {
        try (LogCapture log = new LogCapture(); RawHttp raw = new RawHttp(bot.http().port())) {
            raw.postHeaders(SlackHttpServer.PATH, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")
                    .send(Integer.toHexString(FORGED_LOG_LINES.length()) + "\r\n" + FORGED_LOG_LINES + "\r\n");
            RawHttp.Response answer = raw.response();

            assertEquals(401, answer.status());
            assertEquals("unauthorized\n", answer.body());
            assertOneShortLine(log.lines(), "no Slack signature");
        }
    }

    @Test
    void tenMegabyteChunkedBodyWithAForgedSignatureIsCutAtTheCap() throws Exception {
        try (LogCapture log = new LogCapture(); RawHttp raw = new RawHttp(bot.http().port())) {
            raw.postHeaders(SlackHttpServer.PATH, signatureHeaders(BOGUS_SIGNATURE)
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
            long sent = streamChunked(raw, 10L << 20);
            RawHttp.Response answer = raw.response();

            assertEquals(413, answer.status());
            assertEquals("payload too large\n", answer.body());
            assertTrue(sent < 10L << 20, "the server stopped reading: " + sent + " bytes went out");
            assertOneShortLine(log.lines(), "body over 1048576");
        }
    }

    @Test
    void unsignedAndForgedMalformedPayloadsGet401WithNoInternals() throws Exception {
        for (String body : List.of("{", "payload=%7B", "payload=%7B%22type%22%3Anull%7D", "\u0000\u0001garbage", "")) {
            HttpResponse<String> forged = requests.send(body, SlackRequests.FORM, SlackRequests.now(), "not-the-signing-secret-000", Map.of());
            assertEquals(401, forged.statusCode(), body);
            assertEquals("unauthorized\n", forged.body());
        }
        try (RawHttp raw = new RawHttp(bot.http().port())) {
            RawHttp.Response unsigned = raw.postHeaders(SlackHttpServer.PATH, "Content-Length: 1\r\n").send("{").response();
            assertEquals(401, unsigned.status());
        }
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void signedMalformedPayloadsGet400WithNoInternals() throws Exception {
        for (String body : List.of("{", "[]", "payload=%7B", "payload=%5B1%5D", "payload=%7B%22type%22%3A%22block_actions%22%7D",
                "command=%2Fcf521", "{\"type\":\"event_callback\",\"event\":\"x\"}")) {
            HttpResponse<String> answer = requests.send(body, body.startsWith("{") || body.startsWith("[") ? "application/json"
                    : SlackRequests.FORM, SlackRequests.now(), SlackRequests.SECRET, Map.of());
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 200, body + " → " + answer.statusCode());
            assertFalse(INTERNALS.matcher(answer.body()).find(), answer.body());
        }
    }

    @Test
    void signedEventsWithNullFieldsAreNeverA500() throws Exception {
        List<String> events = List.of(
                "{\"type\":\"message\",\"user\":null,\"channel\":null,\"ts\":null,\"text\":null}",
                "{\"type\":\"app_mention\",\"user\":null,\"channel\":null,\"ts\":null,\"text\":null}",
                "{\"type\":null}",
                "null");
        for (String event : events) {
            HttpResponse<String> answer = requests.event("EvNull", event, Map.of());
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, event + " → " + answer.statusCode());
            assertFalse(INTERNALS.matcher(answer.body()).find(), answer.body());
        }
        String nullCallback = "{\"type\":\"event_callback\",\"team_id\":null,\"api_app_id\":null,\"event\":null,\"event_id\":null}";
        HttpResponse<String> answer = requests.send(nullCallback, "application/json", SlackRequests.now(), SlackRequests.SECRET, Map.of());
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, "→ " + answer.statusCode());
        String nullShortcut = SlackRequests.formBody(Map.of("payload", "{\"type\":\"message_action\",\"callback_id\":\""
                + SlackTriageApp.SHORTCUT + "\",\"message\":null,\"channel\":null,\"user\":null,\"team\":null}"));
        answer = requests.send(nullShortcut, SlackRequests.FORM, SlackRequests.now(), SlackRequests.SECRET, Map.of());
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, "→ " + answer.statusCode());
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void requestSignedAnHourAheadIsRefusedAndOneFourMinutesAheadIsNot() throws Exception {
        String body = SlackRequests.commandForm("/cf523", "example.com", SlackRequests.CHANNEL, bot.slack().responseUrl("x"));
        HttpResponse<String> future = requests.send(body, SlackRequests.FORM, SlackRequests.now() + 3600, SlackRequests.SECRET, Map.of());
        HttpResponse<String> soon = requests.send(body, SlackRequests.FORM, SlackRequests.now() + 240, SlackRequests.SECRET, Map.of());

        assertEquals(401, future.statusCode());
        assertEquals(200, soon.statusCode());
        assertEquals(1, awaitRequests(1).size());
    }

    @Test
    void exactReplayOfASignedCommandIsAcknowledgedButNotRunAgain() throws Exception {
        String body = SlackRequests.commandForm("/cf523", "example.com", SlackRequests.CHANNEL, bot.slack().responseUrl("x"));
        long ts = SlackRequests.now();
        HttpResponse<String> first = requests.send(body, SlackRequests.FORM, ts, SlackRequests.SECRET, Map.of());
        HttpResponse<String> replay = requests.send(body, SlackRequests.FORM, ts, SlackRequests.SECRET, Map.of());
        awaitRequests(1);
        command("/cf521", "sentinel.example");

        assertEquals(200, first.statusCode());
        assertEquals(200, replay.statusCode());
        assertEquals("", replay.body());
        assertEquals(List.of(TriageRequest.of(523, "example.com"), TriageRequest.of(521, "sentinel.example")), awaitRequests(2),
                "the sentinel came after the replay, which ran nothing");
    }

    @Test
    void slackLinkMarkupInACommandIsUnwrappedBeforeTheParser() throws Exception {
        command("/cf522", "example.com origin=<http://origin.example.net|origin.example.net>");

        assertEquals(List.of(TriageRequest.of(522, "example.com origin=origin.example.net")), awaitRequests(1));
    }

    private HttpResponse<String> command(String command, String text) {
        try {
            return requests.command(command, text, SlackRequests.CHANNEL, bot.slack().responseUrl("cmd"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the backend got {@code n} triage requests; returns them. */
    private List<TriageRequest> awaitRequests(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (backend.requests.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return List.copyOf(backend.requests);
    }

    /** Writes a chunked body of up to {@code total} bytes, stopping when the server stops reading; the bytes sent. */
    private static long streamChunked(RawHttp raw, long total) {
        byte[] chunk = ("10000\r\n" + "y".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            while (sent < total) {
                raw.send(chunk);
                sent += 0x10000;
            }
            raw.send("0\r\n\r\n");
        } catch (IOException closedByTheServer) {
            return sent;
        }
        return sent;
    }

    private static String signatureHeaders(String signature) {
        return "X-Slack-Request-Timestamp: " + SlackRequests.now() + "\r\nX-Slack-Signature: " + signature + "\r\n";
    }

    private static void assertOneShortLine(List<String> lines, String reason) {
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.contains(reason), line);
        assertTrue(line.length() < 200, line);
        assertFalse(line.contains("\n") || line.contains("BODYTEXT") || line.contains("yyyy"), line);
    }
}
