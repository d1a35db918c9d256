package dev.cftriage.internal.http;

import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import java.io.IOException;
import java.net.Proxy;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP client the HTTP probes share: one OkHttp client (its dispatcher threads), from which every exchange
 * gets its own client that
 * <ul>
 *   <li>resolves every name to the vetted address and nothing else, so Host and SNI stay the host while the
 *       connection goes to the checked address (an IP-literal host is put in the URL as the vetted address);
 *   <li>uses no proxy, follows no redirect, never retries, and has a connection pool of its own that keeps
 *       nothing, so every timing includes the connect and no TLS session is resumed;
 *   <li>accepts any certificate (certificates are judged by {@link OriginTlsProbe}, not here) and offers
 *       HTTP/1.1 only, as Cloudflare speaks to origins;
 *   <li>times the whole call out within the probe's budget ({@link dev.cftriage.internal.evidence.Deadline});
 *   <li>records the phases with a {@link PhaseRecorder}.
 * </ul>
 * Thread-safe. {@link #close()} stops the shared dispatcher; exchanges after that fail.
 */
public final class HttpProbeClient implements AutoCloseable {
    private final OkHttpClient shared;

    /** A client with its own dispatcher. */
    public HttpProbeClient() {
        this.shared = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .protocols(List.of(Protocol.HTTP_1_1))
                // Plain HTTP only here, so that building it sets up no TLS (nor reads the JDK's trust store for a
                // default it would not use); each https call gets TLS of its own in prepare().
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .hostnameVerifier((hostname, session) -> true)
                .build();
    }

    /**
     * Makes the GET on this thread, returning by the context's deadline. Until it returns, the context holds what
     * the call has reached ({@link HttpFailures#cutAtDeadline}) as the probe's facts ({@code asFacts}), so a probe
     * the deadline cuts short still reports the phase it reached and how long it waited.
     */
    public HttpExchange exchange(ProbeContext context, ProbeRequest request,
                                 Function<HttpExchange, ? extends ProbeFacts> asFacts) {
        PreparedCall prepared = prepare(context, request);
        context.reportSoFar(() -> asFacts.apply(HttpFailures.cutAtDeadline(request, prepared.phases)));
        try (Response response = prepared.call.execute()) {
            return ResponseReader.read(request, response, prepared.phases);
        } catch (IOException e) {
            return HttpFailures.classify(request, e, prepared.phases);
        } finally {
            prepared.pool.evictAll();
        }
    }

    /** Makes the GET on the shared dispatcher; the future completes by the context's deadline once the call starts. */
    public CompletableFuture<HttpExchange> exchangeAsync(ProbeContext context, ProbeRequest request) {
        PreparedCall prepared = prepare(context, request);
        CompletableFuture<HttpExchange> result = new CompletableFuture<>();
        prepared.call.enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                complete(() -> HttpFailures.classify(request, e, prepared.phases));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    complete(() -> ResponseReader.read(request, response, prepared.phases));
                }
            }

            private void complete(Supplier<HttpExchange> facts) {
                try {
                    result.complete(facts.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                } finally {
                    prepared.pool.evictAll();
                }
            }
        });
        result.whenComplete((exchange, error) -> {
            if (result.isCancelled()) {
                prepared.call.cancel();
            }
        });
        return result;
    }

    private PreparedCall prepare(ProbeContext context, ProbeRequest request) {
        long budget = context.usableMillis();
        PhaseRecorder phases = new PhaseRecorder(context.deadline().ticker());
        ConnectionPool pool = new ConnectionPool(0, 1, TimeUnit.MILLISECONDS);
        OkHttpClient.Builder builder = shared.newBuilder();
        if (request.scheme().equals("https")) {
            AcceptingTrustManager anyCertificate = new AcceptingTrustManager();
            builder.connectionSpecs(List.of(ConnectionSpec.COMPATIBLE_TLS, ConnectionSpec.CLEARTEXT))
                    .sslSocketFactory(acceptingTls(anyCertificate), anyCertificate);
        }
        OkHttpClient client = builder
                .dns(hostname -> List.of(request.address().address()))
                .connectionPool(pool)
                .eventListener(phases)
                .callTimeout(budget, TimeUnit.MILLISECONDS)
                .connectTimeout(budget, TimeUnit.MILLISECONDS)
                .readTimeout(budget, TimeUnit.MILLISECONDS)
                .writeTimeout(budget, TimeUnit.MILLISECONDS)
                .build();
        return new PreparedCall(client.newCall(httpRequest(request)), phases, pool);
    }

    /** A TLS socket factory of its own (so no session is resumed from another call) that accepts any certificate. */
    private static SSLSocketFactory acceptingTls(AcceptingTrustManager anyCertificate) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {anyCertificate}, null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has TLS", e);
        }
    }

    private static Request httpRequest(ProbeRequest request) {
        boolean literal = HostNames.parse(request.host()) instanceof HostName.Literal;
        int query = request.path().indexOf('?');
        HttpUrl url = new HttpUrl.Builder()
                .scheme(request.scheme())
                .host(literal ? request.address().text() : request.host())
                .port(request.port())
                .encodedPath(query < 0 ? request.path() : request.path().substring(0, query))
                .encodedQuery(query < 0 ? null : request.path().substring(query + 1))
                .build();
        Request.Builder builder = new Request.Builder().url(url).get();
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        if (literal) {
            String host = Endpoints.format(request.host(), request.port());
            builder.header("Host", HttpUrl.defaultPort(request.scheme()) == request.port()
                    ? host.substring(0, host.lastIndexOf(':')) : host);
        }
        return builder.build();
    }

    /** Stops the shared dispatcher and closes any pooled connection. */
    @Override
    public void close() {
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    private record PreparedCall(Call call, PhaseRecorder phases, ConnectionPool pool) {
    }
}
