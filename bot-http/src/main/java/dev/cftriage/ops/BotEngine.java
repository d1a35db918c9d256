package dev.cftriage.ops;

import dev.cftriage.CfTriage;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.TriageService;
import dev.cftriage.config.TriageConfig;
import java.time.Duration;

/**
 * The engine as a bot runs it in production: the triage service behind a backend that counts refusals in the
 * bot's {@link BotMetrics} and can drain for a graceful shutdown. Thread-safe; close it last.
 */
public final class BotEngine implements AutoCloseable {
    /** What users refused while the bot stops are told to wait: about a restart. */
    static final Duration RETRY_AFTER_RESTART = Duration.ofSeconds(30);
    /** Beyond the budget, what a triage in flight may take to finish (the engine's slack for a shared run). */
    static final Duration DRAIN_SLACK = Duration.ofSeconds(2);

    private final BotMetrics metrics;
    private final CfTriage engine;
    private final TriageService service;
    private final DrainingChatBackend draining;
    private final ChatBackend backend;

    private BotEngine(TriageConfig config) {
        this.metrics = new BotMetrics();
        this.engine = CfTriage.create(config, metrics);
        this.service = TriageService.create(engine);
        metrics.queueDepth(service::queued);
        this.draining = new DrainingChatBackend(ChatBackend.of(service), RETRY_AFTER_RESTART);
        this.backend = new MeteredChatBackend(draining, metrics);
    }

    /**
     * Starts the engine for the settings.
     *
     * @throws dev.cftriage.input.BadInputException when a setting is unusable
     */
    public static BotEngine start(TriageConfig config) {
        return new BotEngine(config);
    }

    /** The backend the adapter uses. */
    public ChatBackend backend() {
        return backend;
    }

    /** The engine itself, for work that is no user's request (incident mode's watches share its runs and limits). */
    public CfTriage engine() {
        return engine;
    }

    /** The bot's metrics. */
    public BotMetrics metrics() {
        return metrics;
    }

    /** False once {@link #drain()} began: the bot takes no new work. */
    public boolean accepting() {
        return !draining.draining();
    }

    /**
     * Stops taking triages (new ones are refused with "try again") and waits for those in flight to finish: at
     * most the configured budget plus {@link #DRAIN_SLACK}.
     *
     * @return true when every triage in flight finished in time
     */
    public boolean drain() throws InterruptedException {
        draining.drain();
        return draining.awaitIdle(engine.config().timeout().plus(DRAIN_SLACK));
    }

    @Override
    public void close() {
        service.close();
        engine.close();
    }
}
