package dev.cftriage.testing;

import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake Cloudflare edge for one host on a loopback address and port 8443 (HTTPS): answers {@code /cdn-cgi/trace},
 * a browser's request with an error page and one with {@code Accept: application/json} with a structured error,
 * both with the given status and a {@code cf-ray} header. The lab must count the address as Cloudflare's. Close it
 * to stop it.
 */
public final class FakeEdge implements AutoCloseable {
    public static final int PORT = 8443;
    private final MockWebServer server;

    private FakeEdge(MockWebServer server) {
        this.server = server;
    }

    /**
     * Starts the edge.
     *
     * @param page the body a browser gets
     * @param json the structured error, or null to answer the page to that request too
     */
    public static FakeEdge start(InetAddress address, String host, int status, String page, String json) throws IOException {
        MockWebServer server = TlsFixtures.https(address, PORT, TlsFixtures.leaf(host, TlsFixtures.root()));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/cdn-cgi/trace")) {
                    return new MockResponse.Builder().code(200).body("fl=1\nh=" + host + "\ncolo=FRA\nhttp=http/1.1\n").build();
                }
                boolean structured = json != null && String.valueOf(request.getHeaders().get("Accept")).contains("application/json");
                return new MockResponse.Builder().code(status).addHeader("server", "cloudflare")
                        .addHeader("cf-ray", "8b2e5f3a1c9d4e70-FRA")
                        .addHeader("content-type", structured ? "application/json" : "text/html")
                        .body(structured ? json : page).build();
            }
        });
        return new FakeEdge(server);
    }

    @Override
    public void close() {
        server.close();
    }
}
