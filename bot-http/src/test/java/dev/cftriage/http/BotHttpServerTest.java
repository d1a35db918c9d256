package dev.cftriage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server on loopback against raw and ordinary clients: routing, caps by declared length and while streaming,
 * authentication before the body and before the handler, slow bodies, failures, and what reaches the log.
 */
class BotHttpServerTest {
    private static final int CAP = 1024;
    /** A tiny grace and a minimum rate that make a slow body's deadline a fraction of a second. */
    private static final HttpLimits IMPATIENT = new HttpLimits(8, 64, Duration.ofSeconds(5), 2 * CAP,
            Duration.ofMillis(100), 1L << 20, 8 * 1024);
    private static final String SECRET_HEADER = "X-Test-Key: right\r\n";

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private BotHttpServer server;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        serve(HttpLimits.defaults());
        log = new LogCapture();
    }

    private void serve(HttpLimits limits) throws Exception {
        Authenticator keyed = new Authenticator() {
            @Override
            public Authentication beforeBody(IncomingRequest request) {
                return request.header("x-test-key") == null ? Authentication.refused("no key") : Authentication.accepted();
            }

            @Override
            public Authentication check(IncomingRequest request, byte[] body) {
                return "right".equals(request.header("X-TEST-KEY")) ? Authentication.accepted() : Authentication.refused("wrong key");
            }
        };
        server = BotHttpServer.builder(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), limits)
                .post("/hook", CAP, keyed, (request, body) -> {
                    handled.add(new String(body, StandardCharsets.UTF_8));
                    return HttpAnswer.text(200, "got " + body.length);
                })
                .post("/broken", CAP, Authenticator.none(), (request, body) -> {
                    throw new IllegalStateException("com.google.gson.JsonSyntaxException: secret internals");
                })
                .get("/healthz", request -> HttpAnswer.text(200, "ok"))
                .build();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        server.close();
    }

    @Test
    void authenticBodyWithinTheCapReachesTheHandler() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/hook"))
                .header("X-Test-Key", "right").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode());
        assertEquals("got 5", answer.body());
        assertEquals(List.of("hello"), handled);
    }

    @Test
    void bodyDeclaredOverTheCapIsRefusedBeforeItIsSentWithOneShortLogLine() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            RawHttp.Response answer = raw.postHeaders("/hook", SECRET_HEADER + "Content-Length: 10485760\r\n").response();

            assertEquals(413, answer.status());
            assertEquals("payload too large\n", answer.body());
        }
        assertOneShortLine("413");
        assertTrue(handled.isEmpty());
    }

    @Test
    void chunkedBodyIsStoppedOnceItPassesTheCap() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.postHeaders("/hook", SECRET_HEADER + "Transfer-Encoding: chunked\r\n");
            String chunk = "x".repeat(512);
            for (int i = 0; i < 3; i++) {
                raw.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            RawHttp.Response answer = raw.response();

            assertEquals(413, answer.status(), "refused after 1,536 bytes though the body never ended");
        }
        assertOneShortLine("413");
        assertTrue(handled.isEmpty());
    }

    @Test
    void requestWithoutCredentialsIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            RawHttp.Response answer = raw.postHeaders("/hook", "Content-Length: 1000\r\n").response();

            assertEquals(401, answer.status());
            assertEquals("unauthorized\n", answer.body());
        }
        assertOneShortLine("no key");
    }

    @Test
    void wrongCredentialsAreRefusedAfterTheBodyAndTheHandlerNeverSeesIt() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/hook"))
                .header("X-Test-Key", "wrong").POST(HttpRequest.BodyPublishers.ofString("attack")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, answer.statusCode());
        assertTrue(handled.isEmpty());
        assertOneShortLine("wrong key");
    }

    @Test
    void bodySlowerThanTheMinimumRateGets408WithoutTheClientSendingMore() throws Exception {
        server.close();
        serve(IMPATIENT);
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.postHeaders("/hook", SECRET_HEADER + "Content-Length: 1000\r\n").send("x");
            RawHttp.Response answer = raw.response();

            assertEquals(408, answer.status());
            assertEquals("request timeout\n", answer.body());
        }
        assertOneShortLine("body too slow");
        assertTrue(handled.isEmpty());
    }

    @Test
    void handlerFailureIsA500WithNoInternalsAndALogLineWithoutTheMessage() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/broken"))
                .POST(HttpRequest.BodyPublishers.ofString("{")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(500, answer.statusCode());
        assertEquals("server error\n", answer.body());
        assertOneShortLine("IllegalStateException");
        assertFalse(String.join("\n", log.lines()).contains("gson"), log.lines().toString());
    }

    @Test
    void unknownPathAndWrongMethodGetShortAnswers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri("/nope")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(uri("/hook")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/healthz")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(404, missing.statusCode());
        assertEquals("not found\n", missing.body());
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.body());
    }

    @Test
    void encodedLineBreaksInThePathCannotForgeALogLine() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("GET /x%0D%0A12:00:00.000%20ERROR%20SlackMain%20-%20forged%C3%A9 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertTrue(raw.response().status() >= 400);
        }
        for (String line : log.lines()) {
            assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u00e9"), line);
        }
    }

    @Test
    void logTextIsPrintableAsciiOnOneShortLine() {
        assertEquals("a??b?????-", LogText.clean("a\r\nb\u0085\u2028\u00e9\u001b\u0000-"));
        assertEquals("x".repeat(LogText.MAX_CHARS) + "…", LogText.clean("x".repeat(10_000_000)));
        assertEquals("-", LogText.clean(null));
    }

    @Test
    void garbageRequestGetsAShortPlain400() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            RawHttp.Response answer = raw.send("GARBAGE\u0001 / HTTP/9\r\n\r\n").response();

            assertEquals(400, answer.status());
            assertEquals("bad request\n", answer.body());
            assertFalse(answer.headers().contains("Server:"), answer.headers());
        }
    }

    /** Exactly one log line was left: short, naming the reason, with no body text and on one line. */
    private void assertOneShortLine(String reason) {
        List<String> lines = log.lines();
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.contains(reason), line);
        assertTrue(line.length() < 200, line);
        assertFalse(line.contains("\n") || line.contains("xxxx") || line.contains("attack"), line);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

}
