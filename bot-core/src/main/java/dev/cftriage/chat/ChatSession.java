package dev.cftriage.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every chat platform shares, decided once: which deliveries were already handled (a retried event, a replayed
 * interaction), the memory behind a report's buttons ({@link ReportMemory}), the rate-limit keys and admission, how
 * long a triage may take before the user hears that the bot gave up, the user's line for every failure
 * ({@link ChatFailure}), and how much goes on the first screen ({@link FirstScreen}). A platform adapter adds only
 * its transport and its widgets. Keys are prefixed with the platform, so that Slack and Discord never share an
 * allowance, a delivery id or a remembered report.
 *
 * <p>Thread-safe. {@link #triage} never blocks and its future never fails. Delivery and report expiry follow the
 * injected clock; the wait limit is measured by the JDK's scheduler.
 */
public final class ChatSession {
    /** How long a triage may take beyond the engine's own budget before the user hears the bot gave up. */
    public static final Duration WAIT_MARGIN = Duration.ofSeconds(30);
    /** How long a delivery id is remembered: longer than any platform retries or replays a delivery. */
    static final Duration DELIVERY_WINDOW = Duration.ofHours(1);
    /** How many delivery ids are remembered at most. */
    static final int MAX_DELIVERIES = 10_000;
    /** How long a report stays behind its buttons after its last use, in the in-memory memory. */
    static final Duration REPORT_KEPT = Duration.ofHours(24);
    /** How many reports the in-memory memory holds at most. */
    static final int MAX_REPORTS = 5_000;
    /** The change line of a re-run whose previous report is no longer remembered. */
    static final String NO_PREVIOUS = "the previous run is no longer remembered; this is a fresh run";

    private static final Logger LOG = LoggerFactory.getLogger(ChatSession.class);
    private static final SecureRandom KEYS = new SecureRandom();

    private final String platform;
    private final ChatBackend backend;
    private final ReportMemory memory;
    private final Duration wait;
    private final Cache<String, Boolean> deliveries;

    /**
     * A session.
     *
     * @param platform the platform's name, prefixed to every key ({@code slack}, {@code discord} …)
     * @param backend the engine as the bot uses it
     * @param memory where the reports behind the buttons are kept
     * @param clock the time for expiry
     * @param wait how long one triage may take before the user hears that the bot gave up
     */
    public ChatSession(String platform, ChatBackend backend, ReportMemory memory, Clock clock, Duration wait) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.memory = Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(clock, "clock");
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("the wait limit must be positive");
        }
        this.wait = wait;
        this.deliveries = Caffeine.newBuilder().maximumSize(MAX_DELIVERIES).expireAfterWrite(DELIVERY_WINDOW)
                .ticker(new ClockTicker(clock)).executor(Runnable::run).build();
    }

    /**
     * The session a bot runs with: reports kept in this process, the system clock, and a wait limit of the engine's
     * budget plus {@link #WAIT_MARGIN}.
     */
    public static ChatSession create(String platform, ChatBackend backend, Duration engineBudget) {
        Clock clock = Clock.systemUTC();
        return new ChatSession(platform, backend, ReportMemory.inMemory(MAX_REPORTS, REPORT_KEPT, clock), clock,
                engineBudget.plus(WAIT_MARGIN));
    }

    /** The codes with a command of their own, read from the catalog once per process. */
    public static List<CommandCode> commandCodes() {
        return CommandCode.all();
    }

    /**
     * True the first time a delivery id is seen within {@link #DELIVERY_WINDOW}; false for a platform's retry or
     * replay of it, which the adapter then ignores.
     *
     * @param deliveryId what identifies the delivery on its platform (an event id, a message's channel and time
     *     stamp, an interaction id)
     */
    public boolean firstDelivery(String deliveryId) {
        return deliveries.asMap().putIfAbsent(platform + ":" + deliveryId, Boolean.TRUE) == null;
    }

    /**
     * Takes one request from the user's and the channel's allowance; the failure to tell the user when either is
     * used up, else empty.
     */
    public Optional<ChatFailure> admit(String userId, String channelId) {
        Admission admission = backend.admit(platform + ":user:" + userId, platform + ":channel:" + channelId);
        return admission instanceof Admission.Limited limited ? Optional.of(ChatFailure.of(limited)) : Optional.empty();
    }

    /**
     * Runs a triage. The future completes with the report, or with the failure to tell the user (busy, bad input,
     * the wait limit passed, or a bug, which is logged); it never completes exceptionally.
     */
    public CompletableFuture<TriageOutcome> triage(TriageRequest request) {
        CompletableFuture<TriageReport> submitted;
        try {
            submitted = backend.submit(request);
        } catch (RuntimeException e) {
            submitted = CompletableFuture.failedFuture(e);
        }
        return submitted.copy().orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).handle((report, error) -> {
            if (error == null) {
                return new TriageOutcome.Answered(report);
            }
            ChatFailure failure = ChatFailure.of(error);
            if (failure.kind() == ChatFailure.Kind.INTERNAL) {
                LOG.error("triage failed", error);
            }
            return new TriageOutcome.Failed(failure);
        });
    }

    /** A fresh key to remember a report under (for platforms whose buttons carry one); unguessable, URL-safe. */
    public String newKey() {
        return Long.toString(KEYS.nextLong() & Long.MAX_VALUE, Character.MAX_RADIX);
    }

    /** Remembers the request and the report shown for it under {@code key}, for the buttons. */
    public void remember(String key, TriageRequest request, TriageReport report) {
        memory.put(platform + ":" + key, new ReportMemory.Remembered(request, report));
    }

    /** What is remembered under {@code key}, or empty. */
    public Optional<ReportMemory.Remembered> recall(String key) {
        return memory.get(platform + ":" + key);
    }

    /**
     * What changed since the previous run, one line each (empty when nothing did); when the previous report is
     * unknown ({@code before} null), the one line that says so.
     */
    public List<String> changes(TriageReport before, TriageReport after) {
        return before == null ? List.of(NO_PREVIOUS) : backend.changes(before, after);
    }

    /** The text to hand Cloudflare support. */
    public String supportBundle(TriageReport report) {
        return backend.supportBundle(report);
    }

    /** True when a channel message holds a Cloudflare error worth triaging unprompted; never throws. */
    public boolean describesError(String text) {
        return backend.describesError(text);
    }

    /** The failure for a button whose report is gone and cannot be rebuilt. */
    public ChatFailure forgotten() {
        return ChatFailure.forgotten();
    }

    /** How much of a report goes on the first screen. */
    public FirstScreen firstScreen() {
        return FirstScreen.CHAT;
    }
}
