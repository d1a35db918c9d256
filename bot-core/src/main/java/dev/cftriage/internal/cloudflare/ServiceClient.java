package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.config.Secret;
import dev.cftriage.internal.http.BuildInfo;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * JSON over HTTP to one operator-configured service (the Cloudflare API or the status page): not a chat user's
 * target, so it does not pass the address policy, but every call is bounded by a strict timeout. Sends the token,
 * when there is one, as a bearer header and nowhere else; error messages name the method, path and status only.
 * A GET that fails on a stale pooled connection is retried once on a fresh connection; a POST never is.
 * The HTTP clients are built on the first call, so a run that never calls the service never sets up TLS for it.
 * Thread-safe; {@link #close()} stops its dispatcher, and calls after it fail.
 */
final class ServiceClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    /** Bodies larger than this are not read (the status page summary is about 100 KB). */
    private static final long MAX_BODY_BYTES = 4L << 20;

    private final HttpUrl base;
    private final Secret token;
    private final String service;
    private final Duration timeout;
    /** Built on the first call; null until then and after close. */
    private OkHttpClient http;
    /** The same client with a pool that keeps no idle connection: every call on it opens a fresh one. */
    private OkHttpClient fresh;
    private boolean closed;

    /**
     * A client of the service at {@code baseUrl}.
     *
     * @param service the service's name in messages, e.g. "the Cloudflare API"
     * @param token the bearer token, or null to send none
     * @param timeout the longest one call may take, connect to last byte
     */
    ServiceClient(String service, String baseUrl, Secret token, Duration timeout) {
        this.service = service;
        this.base = HttpUrl.get(baseUrl);
        this.token = token;
        this.timeout = timeout;
    }

    /** The pooled client ({@code fresh} false) or the one that always connects anew; null once closed. */
    private synchronized OkHttpClient client(boolean freshConnection) {
        if (closed) {
            return null;
        }
        if (http == null) {
            http = new OkHttpClient.Builder()
                    .callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .retryOnConnectionFailure(false)
                    .followRedirects(false)
                    .build();
            fresh = http.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
        }
        return freshConnection ? fresh : http;
    }

    /** GETs {@code path} (relative to the base, with its query) and completes with the JSON body. */
    CompletableFuture<JsonNode> get(String path) {
        return call("GET " + withoutQuery(path), request(path).get().build());
    }

    /** POSTs the JSON body to {@code path} and completes with the JSON answer. */
    CompletableFuture<JsonNode> post(String path, JsonNode body) {
        return call("POST " + path, request(path).post(RequestBody.create(body.toString(), JSON_TYPE)).build());
    }

    private Request.Builder request(String path) {
        HttpUrl url = base.resolve(path);
        if (url == null) {
            throw new IllegalArgumentException("not a path: " + path);
        }
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json")
                .header("User-Agent", BuildInfo.USER_AGENT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token.reveal());
        }
        return builder;
    }

    private CompletableFuture<JsonNode> call(String what, Request request) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        send(false, what, request, result, request.method().equals("GET"));
        return result;
    }

    /**
     * Sends the request and completes {@code result} with its answer. A GET that fails on the connection (not by
     * timing out, not cancelled) is sent once more on a fresh one: a pooled connection the server closed while idle
     * (an HTTP/1.0 server, a proxy's short idle timeout) fails the first write with "unexpected end of stream".
     */
    private void send(boolean freshConnection, String what, Request request, CompletableFuture<JsonNode> result,
                      boolean mayRetry) {
        OkHttpClient client = client(freshConnection);
        if (client == null) {
            result.completeExceptionally(new CloudflareServiceException(service + ": " + what + " failed: the client is closed"));
            return;
        }
        Call call = client.newCall(request);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                if (mayRetry && !c.isCanceled() && !(e instanceof InterruptedIOException)) {
                    send(true, what, request, result, false);
                    return;
                }
                result.completeExceptionally(new CloudflareServiceException(service + ": " + what + " failed: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    result.complete(read(what, response));
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e instanceof CloudflareServiceException ? e
                            : new CloudflareServiceException(service + ": " + what + " failed: " + e.getMessage()));
                }
            }
        });
    }

    private JsonNode read(String what, Response response) throws IOException {
        BufferedSource source = response.body().source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            throw new CloudflareServiceException(service + ": " + what + " answered a body too large to read");
        }
        String text = source.getBuffer().readUtf8();
        JsonNode json = parse(text);
        if (response.code() == 429) {
            String after = response.header("Retry-After");
            throw new CloudflareServiceException(service + " is rate limiting cf-triage (429 on " + what + ")"
                    + (after == null ? "" : "; retry after " + after + " s"));
        }
        if (!response.isSuccessful()) {
            throw new CloudflareServiceException(service + ": " + what + " answered " + response.code()
                    + ApiErrors.describe(json) + ApiErrors.hint(response.code(), what));
        }
        if (json == null) {
            throw new CloudflareServiceException(service + ": " + what + " did not answer JSON");
        }
        return json;
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            fresh.connectionPool().evictAll();
        }
    }
}
