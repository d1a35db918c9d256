package dev.cftriage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake of Cloudflare's API ({@code /client/v4/…}) and status page ({@code /api/v2/summary.json}) on 127.0.0.1,
 * answering with fixtures in the real APIs' shapes from {@code src/test/resources/cloudflare-api/}. A route is a
 * path with its query ({@code /client/v4/zones?name=example.test}) or a path alone; unknown routes get the API's
 * 404 envelope. Records every request. Close it to stop it.
 */
public final class FakeCloudflare implements AutoCloseable {
    private static final String NOT_FOUND = "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Could not route\"}],"
            + "\"messages\":[],\"result\":null}";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    /** Starts the fake on 127.0.0.1 and a free port. */
    public FakeCloudflare() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                MockResponse exact = routes.get(request.getTarget());
                if (exact != null) {
                    return exact;
                }
                MockResponse byPath = routes.get(request.getUrl().encodedPath());
                return byPath != null ? byPath : json(404, NOT_FOUND);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:PORT/client/v4/}. */
    public String apiUrl() {
        return server.url("/client/v4/").toString();
    }

    /** The status page's base URL. */
    public String statusUrl() {
        return server.url("/").toString();
    }

    /** Answers the route with a fixture file, 200. */
    public FakeCloudflare route(String route, String fixture) {
        return route(route, 200, fixture(fixture));
    }

    /** Answers the route with a fixture file whose {@code {{CONTENT}}} is replaced, 200. */
    public FakeCloudflare route(String route, String fixture, String content) {
        return route(route, 200, fixture(fixture).replace("{{CONTENT}}", content));
    }

    /** Answers the route with a status and body. */
    public FakeCloudflare route(String route, int status, String body) {
        routes.put(route, json(status, body));
        return this;
    }

    /** Answers the route 200 with a body sent chunked, so the client cannot know its length in advance. */
    public FakeCloudflare routeChunked(String route, String body) {
        routes.put(route, new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .chunkedBody(body, 64 * 1024).build());
        return this;
    }

    /** Answers the route 429 with a Retry-After header and the API's rate-limit envelope. */
    public FakeCloudflare rateLimited(String route, int retryAfterSeconds) {
        routes.put(route, new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
                .setHeader("Retry-After", retryAfterSeconds).body(fixture("error-429.json")).build());
        return this;
    }

    /** Every request so far. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests went to the path (query ignored). */
    public long count(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).count();
    }

    /** A fixture's text. */
    public static String fixture(String name) {
        try (InputStream in = FakeCloudflare.class.getResourceAsStream("/cloudflare-api/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
