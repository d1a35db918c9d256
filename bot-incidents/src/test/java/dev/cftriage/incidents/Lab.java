package dev.cftriage.incidents;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bot without a chat platform, for scenario tests: the real engine probing loopback origins on port 8080, a clock
 * the test moves, a {@link FakeChannel}, and the flow a Slack or Discord bot follows for a triage (admit, run,
 * post, file). Counts the triages it hands to the engine. Close it at the end.
 */
final class Lab implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-30T10:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(2);

    final TestClock clock = new TestClock(START);
    final FakeChannel channel;
    final IncidentDatabase database;
    final IncidentMode mode;
    final AtomicInteger triages = new AtomicInteger();
    /** Triages wait for this before they start: a test holds it open to keep a run in flight. */
    volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private final CfTriage engine;
    private final AtomicInteger messages = new AtomicInteger();

    Lab(IncidentSettings settings, FakeChannel channel, String holder) {
        this.channel = channel;
        this.engine = CfTriage.create(Engines.loopbackLab(Duration.ofMillis(1500)).toBuilder().ports(List.of(8080)).build());
        this.database = IncidentDatabase.open(settings.withInterval(INTERVAL));
        this.mode = IncidentMode.create(database, settings.withInterval(INTERVAL), channel, this::triage, clock, holder);
    }

    private CompletableFuture<TriageReport> triage(TriageRequest request) {
        triages.incrementAndGet();
        return gate.thenCompose(open -> engine.runAsync(request));
    }

    /** What the bot answers a triage request with. */
    sealed interface Reply {
        /** It triaged and posted a report. */
        record Reported(TriageReport report, Filed filed) implements Reply {
        }

        /** It answered with the host's open incident. */
        record Joined(IncidentSummary incident) implements Reply {
        }
    }

    /** A user asks for a triage of {@code 521 origin} in a channel, as a bot would handle it. */
    Reply triage(String origin, Requester who) {
        Admission admission = mode.desk().admit(origin, who);
        if (admission instanceof Admission.Joined joined) {
            return new Reply.Joined(joined.incident());
        }
        TriageRequest request = TriageRequest.of(521, origin);
        TriageReport report = triage(request).join();
        RootMessage root = new RootMessage(who.channel(), "m" + messages.incrementAndGet());
        return new Reply.Reported(report, mode.desk().file(origin, request, report, who, root));
    }

    /** Moves the clock one interval on and runs the watcher's round to its end. */
    void nextInterval() {
        clock.advance(INTERVAL);
        mode.watcher().tick().join();
    }

    @Override
    public void close() {
        mode.close();
        database.close();
        engine.close();
    }
}
