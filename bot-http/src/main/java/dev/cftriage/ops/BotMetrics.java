package dev.cftriage.ops;

import dev.cftriage.TriageListener;
import dev.cftriage.report.TriageReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * A bot's Prometheus metrics: triages by code and top cause, probe durations and outcomes by probe kind,
 * single-flight shares, rate-limit and busy refusals, queue depth, chat API calls by method and result, and the
 * watches active. It hears the engine as a {@link TriageListener} (pass it to {@code CfTriage.create}); the
 * adapters call the other methods. Every label value is from a bounded set (catalog ids, probe kinds, fixed
 * words), never text from chat or from a probed server. Thread-safe; methods are quick and never block.
 */
public final class BotMetrics implements TriageListener, ChatCalls {
    /** The probe duration histogram's buckets: from a loopback answer to a whole budget. */
    static final Duration[] PROBE_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger watchesActive = new AtomicInteger();

    /** Metrics with nothing counted yet; the watches gauge reads 0. */
    public BotMetrics() {
        Gauge.builder("cftriage.watches.active", watchesActive, AtomicInteger::get)
                .description("Incident watches running").register(registry);
    }

    /** Registers {@code cftriage_queue_depth}, read from {@code queueDepth} at each scrape; call once. */
    public void queueDepth(IntSupplier queueDepth) {
        Gauge.builder("cftriage.queue.depth", queueDepth, IntSupplier::getAsInt).strongReference(true)
                .description("Triages waiting for a free slot").register(registry);
    }

    /**
     * Counts the triage by code and top cause; a triage whose evidence was shared from another triage's run is
     * counted as a share (its probes were counted as they finished, in {@link #probeFinished}).
     */
    @Override
    public void triageFinished(TriageReport report) {
        String code = report.code() == null ? "none" : report.code().known() ? String.valueOf(report.code().code()) : "other";
        String cause = report.topCause() == null ? "none" : report.topCause().id();
        Counter.builder("cftriage.triages").description("Triages finished")
                .tag("code", code).tag("top_cause", cause).register(registry).increment();
        if (report.evidenceAt().isBefore(report.startedAt())) {
            Counter.builder("cftriage.singleflight.shares")
                    .description("Triages answered from another triage's probe run").register(registry).increment();
        }
    }

    /** Records each probe as it finishes, told by the engine. */
    @Override
    public void probeFinished(String kind, String target, String status, Duration duration) {
        probeFinished(kind, status, duration);
    }

    /**
     * Records one probe that ran: its duration in the {@code cftriage_probe_duration_seconds} histogram and its
     * outcome, both by kind.
     *
     * @param kind the probe kind as the JSON report names it ({@code origin-http} …)
     * @param status how it ended: {@code ok}, {@code fail}, {@code error} …
     */
    public void probeFinished(String kind, String status, Duration duration) {
        Timer.builder("cftriage.probe.duration").description("How long each probe ran")
                .tag("kind", kind).serviceLevelObjectives(PROBE_BUCKETS)
                .register(registry).record(duration);
        Counter.builder("cftriage.probes").description("Probes run, by outcome")
                .tag("kind", kind).tag("status", status).register(registry).increment();
    }

    /** Counts a request refused by the rate limit; {@code scope} is {@code user} or {@code channel}. */
    public void rateLimited(String scope) {
        Counter.builder("cftriage.refusals.rate_limited").description("Requests refused by the rate limit")
                .tag("scope", scope).register(registry).increment();
    }

    /** Counts a request refused because every triage slot and queue place was taken (or the bot was stopping). */
    public void busy() {
        Counter.builder("cftriage.refusals.busy").description("Requests refused as busy").register(registry).increment();
    }

    @Override
    public void record(String method, String result) {
        Counter.builder("cftriage.chat.calls").description("Chat API calls by method and result")
                .tag("method", method).tag("result", result).register(registry).increment();
    }

    /** Sets the number of incident watches running. */
    public void watchesActive(int count) {
        watchesActive.set(count);
    }

    /** The metrics in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }
}
