package dev.cftriage;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.report.TriageReport;
import java.util.concurrent.CompletableFuture;

/**
 * The triage engine: one entry point for the CLI and the bots. {@link #run(TriageRequest)} parses the input, runs
 * the live probes side by side under the configured budget, ranks the likely causes and returns the report.
 * Thread-safe; create one per process and share it. Probe runs for the same target within
 * {@code limits.shareFor} are shared (single-flight), so a channel pasting the same error at once costs one run.
 */
public final class CfTriage implements AutoCloseable {
    private final TriageConfig config;

    private CfTriage(TriageConfig config) {
        this.config = config;
    }

    /**
     * An engine for these settings.
     *
     * @throws BadInputException when a setting is unusable (an unreadable CA or ranges file, a bad CIDR …)
     */
    public static CfTriage create(TriageConfig config) {
        return new CfTriage(config);
    }

    /** The settings this engine runs with. */
    public TriageConfig config() {
        return config;
    }

    /**
     * Triages one request; blocks for at most about the configured timeout.
     *
     * @throws BadInputException when the input is unusable (a malformed host, an oversized paste …)
     */
    public TriageReport run(TriageRequest request) {
        throw new UnsupportedOperationException("engine pipeline lands with the engine commit");
    }

    /** Triages one request on the engine's threads. Bad input completes the future with {@link BadInputException}. */
    public CompletableFuture<TriageReport> runAsync(TriageRequest request) {
        throw new UnsupportedOperationException("engine pipeline lands with the engine commit");
    }

    @Override
    public void close() {
    }
}
