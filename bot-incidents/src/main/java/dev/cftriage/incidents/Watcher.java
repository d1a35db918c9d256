package dev.cftriage.incidents;

import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the watches: each {@link #tick()} renews this process's leases, posts what dead processes left unposted, and
 * starts the runs that are due on watches whose lease is free or ours (at most {@code watch.maxActive} held). A run
 * re-triages the incident's request through the engine (sharing its single-flight and per-origin limits), compares
 * the state with the stored one and records, in one transaction, the new state, the timeline entry and the posts —
 * written only when the holder still holds the watch and no other run was recorded meanwhile — then posts them.
 * Two healthy runs in a row end the watch with "Recovered"; a watch older than {@code watch.maxDuration} gives up.
 *
 * <p>Thread-safe: ticks may overlap; a watch never has two runs in flight in one process, and its next run is due
 * one interval after the last one started, so a host is never probed by a watch more often than the interval.
 */
public final class Watcher {
    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);
    private static final int RECOVERY_RUNS = 2;

    private final IncidentContext context;
    private final Deliveries deliveries;
    private final Function<TriageRequest, CompletableFuture<TriageReport>> triage;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    Watcher(IncidentContext context, Deliveries deliveries,
            Function<TriageRequest, CompletableFuture<TriageReport>> triage) {
        this.context = context;
        this.deliveries = deliveries;
        this.triage = triage;
    }

    /**
     * Lets the leases of the embedded database run out at once: only one process can open its file, so leases
     * left by a killed process are this process's to take. Does nothing on a shared database.
     */
    void resumeAfterRestart() {
        if (!context.shared()) {
            context.jdbc().inTransaction(c -> {
                WatchStore.expireAll(c);
                return null;
            });
        }
    }

    /**
     * One round: renew leases, deliver leftovers, start due runs.
     *
     * @return completes when every run this round started has been recorded and posted
     */
    public CompletableFuture<Void> tick() {
        Instant now = context.now();
        Instant until = now.plus(context.leaseTtl());
        List<WatchRow> due = context.jdbc().inTransaction(c -> {
            WatchStore.renew(c, context.holder(), now, until);
            return WatchStore.due(c, now, context.holder(), context.settings().maxActive() * 2);
        });
        deliveries.deliverLeftovers();
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (WatchRow watch : due) {
            if (inFlight.contains(watch.incidentId()) || !lease(watch, now, until)) {
                continue;
            }
            inFlight.add(watch.incidentId());
            runs.add(run(watch, now).whenComplete((v, e) -> inFlight.remove(watch.incidentId())));
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new));
    }

    private boolean lease(WatchRow watch, Instant now, Instant until) {
        return context.jdbc().inTransaction(c -> {
            boolean mine = context.holder().equals(watch.holder()) && !watch.leaseExpiresAt().isBefore(now);
            if (!mine && WatchStore.held(c, context.holder(), now) >= context.settings().maxActive()) {
                return false;
            }
            boolean taken = WatchStore.acquire(c, watch.incidentId(), context.holder(), now, until);
            if (taken && !mine) {
                LOG.info("incident {}: watch taken over by {}", watch.incidentId(), context.holder());
            }
            return taken;
        });
    }

    private CompletableFuture<Void> run(WatchRow watch, Instant startedAt) {
        Optional<IncidentRow> incident = context.jdbc().inTransaction(c -> IncidentStore.byId(c, watch.incidentId()));
        if (incident.isEmpty() || incident.get().closedAt() != null) {
            context.jdbc().inTransaction(c -> WatchStore.end(c, watch.incidentId(), "closed"));
            return CompletableFuture.completedFuture(null);
        }
        IncidentRow row = incident.get();
        Duration age = Duration.between(watch.startedAt(), startedAt);
        if (age.compareTo(context.settings().maxDuration()) >= 0) {
            giveUp(row);
            return CompletableFuture.completedFuture(null);
        }
        Instant nextRun = startedAt.plus(context.settings().intervalAt(age));
        CompletableFuture<TriageReport> report;
        try {
            report = triage.apply(row.request().asFresh());
        } catch (RuntimeException e) {
            report = CompletableFuture.failedFuture(e);
        }
        return report.handle((r, error) -> {
            try {
                record(watch, row, r, error, nextRun);
            } catch (RuntimeException e) {
                LOG.warn("incident {}: a watch run could not be recorded: {}", row.id(), Texts.loggable(e.getMessage()));
            }
            return null;
        });
    }

    private void record(WatchRow watch, IncidentRow row, TriageReport report, Throwable error, Instant nextRun) {
        Instant now = context.now();
        if (error != null) {
            LOG.warn("incident {}: a watch run failed: {}", row.id(), error.getClass().getSimpleName());
            context.jdbc().inTransaction(c -> WatchStore.recordRun(c, row.id(), context.holder(), watch.runs(), nextRun,
                    watch.healthyStreak(), watch.healthySince(), WatchRow.ACTIVE));
            return;
        }
        ReportState state = ReportState.of(report);
        List<String> changes = StateChanges.between(row.state(), state);
        List<String> failed = IncidentDesk.failedKeys(row.failedProbes(), state);
        boolean healthy = state.recoveredFrom(failed);
        int streak = healthy ? watch.healthyStreak() + 1 : 0;
        Instant healthySince = !healthy ? null : watch.healthySince() != null ? watch.healthySince() : now;
        boolean recovered = streak >= RECOVERY_RUNS;
        boolean recorded = context.jdbc().inTransaction(c -> {
            if (!WatchStore.recordRun(c, row.id(), context.holder(), watch.runs(), nextRun, streak, healthySince,
                    recovered ? "recovered" : WatchRow.ACTIVE)) {
                return false;
            }
            IncidentStore.updateState(c, row.id(), state, failed);
            if (!changes.isEmpty()) {
                int seq = IncidentStore.append(c, row.id(), now, EventKind.CHANGE, null,
                        String.join("; ", changes), IncidentDesk.evidence(List.of(), state));
                Outbox.enqueue(c, row.id(), IncidentDesk.postKey(row.id(), seq, "change"), OutboxRow.THREAD,
                        PostTexts.change(now, row.openedAt(), changes, state), now);
            }
            if (recovered) {
                recover(c, row, healthySince, now);
            }
            return true;
        });
        if (!recorded) {
            LOG.info("incident {}: another process holds the watch now; this run's result is dropped", row.id());
            return;
        }
        deliveries.deliver(row.id());
    }

    private void recover(Connection c, IncidentRow row, Instant recoveredAt, Instant now) throws SQLException {
        String text = PostTexts.recovered(row.host(), recoveredAt, row.openedAt());
        int seq = IncidentStore.append(c, row.id(), now, EventKind.RECOVERED, null, "recovered at "
                + TimelineText.utc(recoveredAt) + "; the outage lasted "
                + TimelineText.duration(Duration.between(row.openedAt(), recoveredAt)), List.of());
        IncidentStore.close(c, row.id(), recoveredAt, "recovered");
        Outbox.enqueue(c, row.id(), IncidentDesk.postKey(row.id(), seq, "recovered"), OutboxRow.THREAD, text, now);
        Outbox.enqueue(c, row.id(), IncidentDesk.postKey(row.id(), seq, "mark"), RootStatus.RECOVERED.name(),
                PostTexts.rootStatus(RootStatus.RECOVERED, row.host()), now);
    }

    private void giveUp(IncidentRow row) {
        Instant now = context.now();
        boolean ended = context.jdbc().inTransaction(c -> {
            if (!WatchStore.end(c, row.id(), "gave-up")) {
                return false;
            }
            int seq = IncidentStore.append(c, row.id(), now, EventKind.WATCH, null, "watch gave up after "
                    + TimelineText.duration(context.settings().maxDuration()) + " (watch.maxDuration)", List.of());
            Outbox.enqueue(c, row.id(), IncidentDesk.postKey(row.id(), seq, "gave-up"), OutboxRow.THREAD,
                    PostTexts.gaveUp(row.host(), context.settings(), row.state()), now);
            Outbox.enqueue(c, row.id(), IncidentDesk.postKey(row.id(), seq, "mark"), RootStatus.GAVE_UP.name(),
                    PostTexts.rootStatus(RootStatus.GAVE_UP, row.host()), now);
            return true;
        });
        if (ended) {
            deliveries.deliver(row.id());
        }
    }
}
