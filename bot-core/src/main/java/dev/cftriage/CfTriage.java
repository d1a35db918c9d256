package dev.cftriage;

import dev.cftriage.input.BadInputException;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.cftriage.internal.catalog.CodeEntry;
import dev.cftriage.internal.catalog.ErrorCatalog;
import dev.cftriage.internal.cloudflare.CloudflareServiceException;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.diagnose.Diagnoser;
import dev.cftriage.internal.diagnose.SslModes;
import dev.cftriage.internal.net.CloudflarePorts;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import dev.cftriage.internal.parse.Generator;
import dev.cftriage.internal.parse.ParsedPaste;
import dev.cftriage.internal.parse.PasteParser;
import dev.cftriage.internal.evidence.EdgeFacts;
import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.engine.EvidenceCollector;
import dev.cftriage.internal.engine.ProbeObserver;
import dev.cftriage.internal.evidence.Deadline;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.engine.ProbeTarget;
import dev.cftriage.report.Cause;
import dev.cftriage.report.CodeSummary;
import dev.cftriage.report.EdgeSummary;
import dev.cftriage.report.InputSummary;
import dev.cftriage.report.Steps;
import dev.cftriage.report.TriageReport;
import dev.cftriage.internal.engine.DaemonPools;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The triage engine: one entry point for the CLI and the bots. {@link #run(TriageRequest)} parses the input, runs
 * the live probes side by side under the configured budget, ranks the likely causes and returns the report.
 * Thread-safe; create one per process and share it, and close it at the end. Probe runs for the same target within
 * {@code limits.shareFor} are shared (single-flight), so a channel pasting the same error at once costs one run;
 * each report says when its evidence was collected. Cloudflare's status page and, with a token, its API are asked
 * beside the probes under the same budget; a Ray ID lookup belongs to one paste, so it runs beside the shared run.
 * Time and threads come from the {@link Builder}: a wall {@link Clock} for what the report dates, a monotonic
 * {@link Ticker} for every deadline, duration and the sharing window, and the executors the work runs on.
 */
public final class CfTriage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CfTriage.class);
    /** Probe threads: probes block on sockets, so they get threads of their own, bounded. */
    private static final int PROBE_THREADS = 256;
    /**
     * Probe runs (distinct targets) in flight at once; a run only waits for its own probes, never for a triage, so
     * a flood of triages waiting on runs cannot starve the runs of threads.
     */
    private static final int RUN_THREADS = 64;
    /** Extra wait beyond the budget for a shared run before a caller gives up on it. */
    private static final Duration RUN_SLACK = Duration.ofSeconds(2);

    private final TriageConfig config;
    private final ErrorCatalog catalog;
    private final Diagnoser diagnoser;
    /** The probes and the shared runs; null when offline, where nothing is probed and nothing is set up for it. */
    private final EvidenceCollector collector;
    private final ExecutorService probeThreads;
    private final ExecutorService runThreads;
    private final ExecutorService triageThreads;
    /** The pools this engine made itself, shut down by {@link #close()}; executors given to the builder are not. */
    private final List<ExecutorService> ownPools = new ArrayList<>();
    private final AsyncCache<ProbeTarget, SharedRun> runs;
    private final Clock clock;
    private final Ticker ticker;
    private final TriageListener listener;

    private CfTriage(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.clock = b.clock;
        this.ticker = b.ticker;
        this.listener = b.listener;
        this.catalog = ErrorCatalog.load();
        this.diagnoser = new Diagnoser(catalog);
        this.probeThreads = b.probeExecutor != null ? b.probeExecutor
                : own(DaemonPools.fixed("cf-triage-probe", PROBE_THREADS, new LinkedBlockingQueue<>()));
        this.runThreads = b.runExecutor != null ? b.runExecutor
                : own(DaemonPools.fixed("cf-triage-run", RUN_THREADS, new LinkedBlockingQueue<>()));
        this.triageThreads = b.triageExecutor != null ? b.triageExecutor
                : own(DaemonPools.fixed("cf-triage-triage", Math.max(4, config.limits().maxConcurrent()), new LinkedBlockingQueue<>()));
        this.collector = config.offline() ? null
                : EvidenceCollector.create(config, probeThreads, clock, ticker, new ListenerProbes(listener));
        // The cache's upkeep runs on the calling thread: a run completing while the engine closes must not meet a
        // pool that was shut down. Runs themselves go to runThreads (see evidence()).
        this.runs = config.offline() ? null : Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(config.limits().shareFor())
                .maximumSize(10_000)
                .executor(Runnable::run)
                .<ProbeTarget, SharedRun>buildAsync();
    }

    /**
     * An engine for these settings.
     *
     * @throws BadInputException when a setting is unusable (an unreadable CA or ranges file, a bad CIDR or resolver);
     *     offline, nothing is probed and the probes' settings are not read
     */
    public static CfTriage create(TriageConfig config) {
        return builder().config(config).build();
    }

    /**
     * An engine for these settings that tells the listener about probe runs and finished triages.
     *
     * @throws BadInputException when a setting is unusable
     */
    public static CfTriage create(TriageConfig config, TriageListener listener) {
        return builder().config(config).listener(listener).build();
    }

    /** A builder of an engine: the settings are required, the clocks, executors and listener have defaults. */
    public static Builder builder() {
        return new Builder();
    }

    private ExecutorService own(ExecutorService pool) {
        ownPools.add(pool);
        return pool;
    }

    /** The settings this engine runs with. */
    public TriageConfig config() {
        return config;
    }

    /**
     * Triages one request; blocks for about the configured timeout at most.
     *
     * @throws BadInputException when the input is unusable (a malformed host, an oversized paste, nothing to triage)
     */
    public TriageReport run(TriageRequest request) {
        Instant startedAt = clock.instant();
        long start = ticker.read();
        ParsedPaste paste = PasteParser.parse(request.text(), startedAt);
        HostName host = paste.host() == null ? null : HostNames.parse(paste.host());
        List<HostName> origins = origins(request, paste, host);
        if (host == null && origins.isEmpty() && paste.rayId() == null && paste.code() == null && paste.errorCode() == null
                && request.code() == null) {
            throw new BadInputException("nothing to triage: give a host or URL, an error page, response headers or a Ray ID");
        }
        boolean namesCloudflare = paste.rayId() != null || paste.colo() != null || paste.generator() == Generator.CLOUDFLARE;
        ProbeTarget target = new ProbeTarget(host, origins, ports(paste), edgePort(paste), path(paste), namesCloudflare);
        Evidence evidence = config.offline()
                ? Evidence.none(startedAt, List.of("offline: no probe was run; the causes come from the catalog only"))
                : collect(target, paste, request.fresh(), startedAt);
        TriageReport report = report(request, paste, target, evidence, startedAt, start);
        tell(() -> listener.triageFinished(report));
        return report;
    }

    /** Triages one request on the engine's threads. Bad input completes the future with {@link BadInputException}. */
    public CompletableFuture<TriageReport> runAsync(TriageRequest request) {
        return CompletableFuture.supplyAsync(() -> run(request), triageThreads);
    }

    /**
     * The proxied hosts of the Cloudflare zone named {@code zone}, read from the API with the configured token: the
     * zone is looked up by its exact name, then one page of its proxied DNS records (see {@link ZoneHosts.Proxied}
     * for what is kept). The answers share the probes' cache, so a burst asks once. Never blocks: the future
     * completes on the HTTP client's threads, never exceptionally, within the configured timeout plus 2 s (later
     * answers give {@link ZoneHosts.Unreadable}). Without a token, or offline, it completes at once with
     * {@link ZoneHosts.Off} and asks nothing; a null, blank or malformed name, or an address, gives
     * {@link ZoneHosts.NotAZone} without asking.
     */
    public CompletableFuture<ZoneHosts> proxiedHosts(String zone) {
        if (config.offline() || !config.cloudflareApiEnabled()) {
            return CompletableFuture.completedFuture(new ZoneHosts.Off());
        }
        String name;
        try {
            if (!(HostNames.parse(zone) instanceof HostName.Name parsed)) {
                return CompletableFuture.completedFuture(new ZoneHosts.NotAZone(zone));
            }
            name = parsed.text();
        } catch (BadInputException notAName) {
            return CompletableFuture.completedFuture(new ZoneHosts.NotAZone(zone));
        }
        long wait = config.timeout().plus(RUN_SLACK).toMillis();
        return collector.proxiedHosts(name, ZoneHosts.MAX_HOSTS)
                .<ZoneHosts>thenApply(found -> found == null ? new ZoneHosts.NotAZone(name)
                        : new ZoneHosts.Proxied(found.zone(), found.hosts(), found.skipped(), found.more()))
                .exceptionally(failure -> new ZoneHosts.Unreadable(name, reason(failure)))
                .completeOnTimeout(new ZoneHosts.Unreadable(name, "the Cloudflare API gave no answer within " + wait + " ms"),
                        wait, TimeUnit.MILLISECONDS);
    }

    /** One line for a failed API call: the service's own message (it never holds the token), else the failure's kind. */
    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof CloudflareServiceException ? cause.getMessage()
                : "the Cloudflare API call failed (" + cause.getClass().getSimpleName() + ")";
    }

    /**
     * The shared run's evidence for the target, with this paste's own Ray ID lookup run beside it, both waited for
     * until one deadline: the budget plus a little slack from the triage's start.
     */
    private Evidence collect(ProbeTarget target, ParsedPaste paste, boolean fresh, Instant startedAt) {
        Deadline deadline = Deadline.after(config.timeout().plus(RUN_SLACK), ticker);
        CompletableFuture<List<ProbeResult>> lookup = paste.rayId() == null ? null : CompletableFuture.supplyAsync(
                () -> collector.lookUpRay(target.hostText(), paste.rayId(), paste.time()), runThreads);
        Evidence evidence = evidence(target, fresh, startedAt, deadline);
        return lookup == null ? evidence : withRayLookup(evidence, lookup, deadline);
    }

    /** The run's evidence with the Ray ID lookup's results added, or a note when it did not finish by the deadline. */
    private static Evidence withRayLookup(Evidence evidence, CompletableFuture<List<ProbeResult>> lookup, Deadline deadline) {
        List<ProbeResult> probes = new ArrayList<>(evidence.probes());
        List<String> notes = new ArrayList<>(evidence.notes());
        try {
            probes.addAll(lookup.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("interrupted before the Ray ID lookup finished");
        } catch (ExecutionException | TimeoutException e) {
            lookup.cancel(true);
            notes.add("the Ray ID lookup did not finish in time");
        }
        return new Evidence(probes, evidence.origins(), evidence.collectedAt(), notes);
    }

    private Evidence evidence(ProbeTarget target, boolean fresh, Instant startedAt, Deadline deadline) {
        if (target.host() == null && target.origins().isEmpty()) {
            return Evidence.none(startedAt, List.of("no host or origin to probe: the causes come from the catalog only"));
        }
        CompletableFuture<SharedRun> shared = runs.getIfPresent(target);
        if (shared != null && shared.isDone() && (fresh || unshareable(shared))) {
            runs.asMap().remove(target, shared);
        }
        CompletableFuture<SharedRun> run = runs.get(target, (t, cacheExecutor) ->
                CompletableFuture.supplyAsync(() -> collect(t), runThreads));
        try {
            return run.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS).evidence();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Evidence.none(startedAt, List.of("interrupted before the probes finished"));
        } catch (TimeoutException e) {
            return Evidence.none(startedAt, List.of("the probes did not finish in time"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BadInputException bad) {
                throw bad;
            }
            return Evidence.none(startedAt, List.of("the probes failed: " + cause.getMessage()));
        }
    }

    /** True for a finished run that failed, or that finished a whole sharing window ago (see {@link SharedRun}). */
    private boolean unshareable(CompletableFuture<SharedRun> finished) {
        return finished.isCompletedExceptionally()
                || finished.join().outlived(SharedRun.windowNanos(config.limits().shareFor()), ticker.read());
    }

    /** One probe run, told to the listener; a listener that throws is logged and ignored, never fails the run. */
    private SharedRun collect(ProbeTarget target) {
        tell(() -> listener.probeRunStarted(target.hostText()));
        Evidence evidence = collector.collect(target);
        SharedRun run = new SharedRun(evidence, ticker.read());
        tell(() -> listener.probeRunFinished(target.hostText()));
        return run;
    }

    private static void tell(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            LOG.warn("a TriageListener hook failed; ignored", e);
        }
    }

    private TriageReport report(TriageRequest request, ParsedPaste paste, ProbeTarget target, Evidence evidence,
                                Instant startedAt, long startNanos) {
        EdgeFacts edge = evidence.first(EdgeFacts.class);
        List<String> notes = new ArrayList<>(evidence.notes());
        Integer code = request.code() != null ? request.code() : paste.code();
        boolean pasted = paste.code() != null || paste.errorCode() != null;
        String source = request.code() != null ? "command" : pasted ? "input" : "none";
        Integer errorCode = paste.errorCode();
        String errorSource = "input";
        if (edge != null && edge.http().status() != null) {
            Integer live = edge.page() != null && edge.page().code() != null ? edge.page().code() : edge.http().status();
            if (code != null && !code.equals(live) && live >= 500) {
                notes.add("the edge answers " + live + " now, not " + code + ": the diagnosis follows the live " + live);
                code = null;
            } else if (code != null && !code.equals(live)) {
                notes.add("the edge answers " + live + " now, not " + code + ": the error may be over");
            }
            if (code == null && live >= 500) {
                code = live;
                source = "edge";
            }
            if (errorCode == null && edge.errorCode() != null) {
                errorCode = edge.errorCode();
                errorSource = "edge";
            }
            if (edge.challenged()) {
                notes.add("the edge served a challenge page (cf-mitigated: challenge): a security check, not an outage");
            }
        }
        if (code == null && errorCode != null) {
            code = errorCode;
            errorCode = null;
            source = errorSource;
        }
        CodeEntry entry = entryFor(code, errorCode);
        if (code == null) {
            notes.add("no error code was given, and the live edge gave none: name it (e.g. 523 example.com, or /cf523)"
                    + " or paste the error page, so the catalog's causes for it can be listed");
        } else if (entry == null) {
            notes.add("cf-triage has no catalog entry for code " + code + "; the causes below come from the probes only");
        }
        if (paste.suspicious()) {
            notes.add("the paste contradicts itself and may be a custom or fake page: " + String.join("; ", paste.warnings()));
        }
        notes.addAll(SourceNotes.of(evidence));
        if (evidence.collectedAt().isBefore(startedAt)) {
            notes.add("evidence shared from a run for the same target that started "
                    + Duration.between(evidence.collectedAt(), startedAt).toMillis() + " ms earlier");
        }
        List<Cause> causes = diagnoser.diagnose(code, entry, paste, evidence, target.hostText(), config.timeout());
        CodeEntry codeEntry = code == null ? null : catalog.code(code).orElse(entry);
        CodeSummary summary = code == null ? null : new CodeSummary(code, errorCode,
                codeEntry == null ? "Unknown code" : codeEntry.title(),
                entry == null ? null : entry.meaning(), entry == null ? null : entry.side(), source, entry != null);
        Steps steps = diagnoser.advice(entry, paste, evidence, target.hostText());
        return new TriageReport(InputSummary.of(paste, request.code(), target.origins().stream().map(HostName::text).toList()),
                summary, edgeSummary(edge), evidence.probes(), causes, steps, evidence.anyRan(), notes, startedAt,
                evidence.collectedAt(), Math.max(0, TimeUnit.NANOSECONDS.toMillis(ticker.read() - startNanos)),
                SslModes.summarise(code, evidence));
    }

    /** The entry the causes come from: a 1xxx code's when the error carries one the catalog knows, else the code's. */
    private CodeEntry entryFor(Integer code, Integer errorCode) {
        if (errorCode != null && catalog.code(errorCode).isPresent()) {
            return catalog.code(errorCode).get();
        }
        return code == null ? null : catalog.code(code).orElse(null);
    }

    private static EdgeSummary edgeSummary(EdgeFacts edge) {
        if (edge == null) {
            return null;
        }
        return new EdgeSummary(edge.http().status(), edge.rayId(), edge.colo(), edge.http().server(), edge.cfErrorType(),
                edge.challenged(), edge.errorCode(), edge.errorName(),
                edge.errorCategory(), edge.retryable());
    }

    private List<HostName> origins(TriageRequest request, ParsedPaste paste, HostName host) {
        Set<HostName> all = new LinkedHashSet<>();
        request.origins().forEach(o -> all.add(HostNames.parseWithPort(o)));
        paste.origins().forEach(o -> all.add(HostNames.parse(o)));
        if (host != null) {
            config.origins().getOrDefault(host.text(), List.of()).forEach(o -> all.add(HostNames.parse(o)));
        }
        return List.copyOf(all);
    }

    private List<Integer> ports(ParsedPaste paste) {
        Set<Integer> ports = new LinkedHashSet<>(config.ports());
        if (paste.port() != null && CloudflarePorts.proxied(paste.port())) {
            ports.add(paste.port());
        }
        return List.copyOf(ports);
    }

    private static int edgePort(ParsedPaste paste) {
        return paste.port() != null && CloudflarePorts.tls(paste.port()) ? paste.port() : 443;
    }

    private static String path(ParsedPaste paste) {
        if (paste.url() == null) {
            return "/";
        }
        try {
            URI uri = URI.create(paste.url());
            String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** Tells the listener about single probes; a listener that throws is logged and ignored. */
    private record ListenerProbes(TriageListener listener) implements ProbeObserver {
        @Override
        public void started(Probe probe) {
            tell(() -> listener.probeStarted(probe.kind().id(), probe.target()));
        }

        @Override
        public void finished(ProbeResult result) {
            tell(() -> listener.probeFinished(result.name(), result.target(), result.status().id(),
                    Duration.ofMillis(result.durationMs())));
        }
    }

    /**
     * Builds a {@link CfTriage}. Defaults: the system's UTC clock, the system's monotonic ticker, pools of daemon
     * threads the engine owns (and shuts down on close), no listener. Executors given here belong to the caller:
     * the engine never shuts them down. Not thread-safe; one builder builds one engine.
     */
    public static final class Builder {
        private TriageConfig config;
        private Clock clock = Clock.systemUTC();
        private Ticker ticker = Ticker.systemTicker();
        private ExecutorService probeExecutor;
        private ExecutorService runExecutor;
        private ExecutorService triageExecutor;
        private TriageListener listener = TriageListener.NONE;

        private Builder() {
        }

        /** The settings (required). */
        public Builder config(TriageConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The wall clock the report's times, certificate validity and Ray ID lookups are read from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The monotonic clock of every deadline, probe duration, elapsed time and of the sharing window. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * Where probes run: they block on sockets, one task per probe, so it needs many threads (the default has
         * 256). A saturated executor makes probes wait in its queue, inside their budget.
         */
        public Builder probeExecutor(ExecutorService executor) {
            this.probeExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Where probe runs (one per distinct target) wait for their probes; the default has 64 threads. */
        public Builder runExecutor(ExecutorService executor) {
            this.runExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Where {@link CfTriage#runAsync} triages run; the default has {@code limits.maxConcurrent} threads, at least 4. */
        public Builder triageExecutor(ExecutorService executor) {
            this.triageExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Who hears probe runs, single probes and finished triages; null for nobody. */
        public Builder listener(TriageListener listener) {
            this.listener = listener == null ? TriageListener.NONE : listener;
            return this;
        }

        /**
         * The engine.
         *
         * @throws NullPointerException when no settings were given
         * @throws BadInputException when a setting is unusable
         */
        public CfTriage build() {
            return new CfTriage(this);
        }
    }

    @Override
    public void close() {
        ownPools.forEach(ExecutorService::shutdownNow);
        if (collector != null) {
            collector.close();
        }
    }
}
