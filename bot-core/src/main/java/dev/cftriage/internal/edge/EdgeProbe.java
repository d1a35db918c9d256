package dev.cftriage.internal.edge;

import dev.cftriage.internal.evidence.EdgeFacts;
import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.http.HttpExchange;
import dev.cftriage.internal.http.HttpProbeClient;
import dev.cftriage.internal.http.ProbeRequest;
import dev.cftriage.internal.net.VettedAddress;
import dev.cftriage.internal.parse.ParsedPaste;
import dev.cftriage.internal.parse.PasteParser;
import dev.cftriage.internal.http.BuildInfo;
import dev.cftriage.internal.net.Ascii;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks Cloudflare's edge for the host, as a visitor does: one GET for the page a browser sees and, in parallel,
 * one with {@code Accept: application/json} for the structured error. Reads the Ray ID and colo from
 * {@code cf-ray}, {@code cf-error-type}, a challenge ({@code cf-mitigated: challenge}), what the error page says,
 * and the structured error's name, category and retryability. Connects only to the vetted edge address (Host and
 * SNI = the host). Returns by the deadline. Immutable and thread-safe.
 */
public final class EdgeProbe implements Probe {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final ProbeRequest page;
    private final ProbeRequest structured;
    private final HttpProbeClient client;

    /**
     * A probe of the edge at {@code edgeAddress:port} for {@code host}.
     *
     * @param edgeAddress a Cloudflare edge address the host resolved to
     * @param path the path to ask for; null or empty for {@code /}
     * @throws IllegalArgumentException when Cloudflare does not proxy the port, or the path does not start with {@code /}
     */
    public EdgeProbe(VettedAddress edgeAddress, int port, String host, String path, HttpProbeClient client) {
        this.page = new ProbeRequest(edgeAddress, port, host, path, Map.of("User-Agent", BuildInfo.USER_AGENT, "Accept", BROWSER_ACCEPT));
        this.structured = new ProbeRequest(edgeAddress, port, host, path, Map.of("User-Agent", BuildInfo.USER_AGENT, "Accept", "application/json"));
        this.client = client;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.EDGE;
    }

    @Override
    public String target() {
        return Endpoints.format(page.address().text(), page.port());
    }

    @Override
    public EdgeFacts run(ProbeContext context) throws InterruptedException {
        CompletableFuture<HttpExchange> json = client.exchangeAsync(context, structured);
        HttpExchange answer = client.exchange(context, page,
                cut -> new EdgeFacts(cut.facts(), null, null, null, false, null, null, null, null, null));
        StructuredError error = StructuredError.parse(bodyOf(json, context));
        Map<String, String> headers = answer.facts().headers();
        String ray = headers.containsKey("cf-ray") ? headers.get("cf-ray") : error.rayId();
        int dash = ray == null ? -1 : ray.lastIndexOf('-');
        return new EdgeFacts(answer.facts(),
                dash < 0 ? ray : ray.substring(0, dash),
                dash < 0 ? null : ray.substring(dash + 1),
                headers.get("cf-error-type"),
                Ascii.equalsIgnoreCase("challenge", headers.getOrDefault("cf-mitigated", "")),
                answer.body() == null || answer.body().isBlank() ? null : readPage(answer.body()),
                error.name(), error.category(), error.retryable(), error.code());
    }

    /** The structured answer's body, or null when it did not come by the deadline. */
    private static String bodyOf(CompletableFuture<HttpExchange> json, ProbeContext context) throws InterruptedException {
        try {
            return json.get(context.usableMillis(), TimeUnit.MILLISECONDS).body();
        } catch (TimeoutException | ExecutionException e) {
            json.cancel(true);
            return null;
        }
    }

    /**
     * What the error page says, as the paste parser reads it: the one call into the parser. Null when the parser
     * cannot read it, so that a parser fault never hides the header facts.
     */
    static ParsedPaste readPage(String body) {
        try {
            return PasteParser.parse(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
