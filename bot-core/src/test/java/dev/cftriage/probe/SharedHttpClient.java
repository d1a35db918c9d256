package dev.cftriage.probe;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One {@link HttpProbeClient} for a test class, closed after its last test. Register as a static field. */
final class SharedHttpClient implements AfterAllCallback {
    private final HttpProbeClient client = new HttpProbeClient();

    HttpProbeClient client() {
        return client;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
    }
}
