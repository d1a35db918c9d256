package dev.cftriage.testing;

import dev.cftriage.internal.http.HttpProbeClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One {@link HttpProbeClient} for a test class, closed after its last test. Register as a static field. */
public final class SharedHttpClient implements AfterAllCallback {
    private final HttpProbeClient client = new HttpProbeClient();

    public HttpProbeClient client() {
        return client;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
    }
}
