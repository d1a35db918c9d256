package dev.cftriage.incidents;

import dev.cftriage.TriageRequest;
import dev.cftriage.report.SupportBundle;
import dev.cftriage.report.TriageReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Slack and Discord bots call for incident mode: admit a triage (or answer with the host's open incident),
 * file a report (opening the incident when it finds a fault), recall a report behind a button, record who pressed
 * what, start and stop watches, list open incidents and show a timeline. Every state lives in the database.
 *
 * <p>Thread-safe; calls block on the database (a few milliseconds) and, for a link not asked before, on the
 * platform's {@link IncidentChannel#permalink}. Hosts are keyed in lower case without a trailing dot; an unusable
 * host throws {@link IllegalArgumentException}. The database failing throws {@link StoreException}.
 */
public final class IncidentDesk {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentDesk.class);

    private final IncidentContext context;
    private final Deliveries deliveries;

    IncidentDesk(IncidentContext context, Deliveries deliveries) {
        this.context = context;
        this.deliveries = deliveries;
    }

    /**
     * Decides whether a triage of the host runs: {@link Admission.Proceed} when no incident is open for it;
     * otherwise {@link Admission.Joined} with the incident's verdict and link, the request recorded in its timeline
     * (the caller starts no probe run). An incident left without a watch and without activity for
     * {@code watch.maxDuration} is closed here as stale. Buttons on the incident's own reports (Re-run) skip this:
     * the platform records the action ({@link #recordAction}), triages and {@link #file files} the new report.
     *
     * @param host the host the request names (what the report's {@code input().host()} will be)
     */
    public Admission admit(String host, Requester who) {
        String key = Texts.hostKey(host);
        Optional<IncidentRow> open = context.jdbc().inTransaction(c -> {
            Optional<IncidentRow> row = liveIncident(c, key);
            if (row.isPresent()) {
                IncidentStore.append(c, row.get().id(), context.now(), EventKind.JOINED, who.toString(),
                        "asked for a triage of " + key + "; answered with the incident's verdict", List.of());
            }
            return row;
        });
        return open.<Admission>map(row -> new Admission.Joined(summary(row))).orElseGet(Admission.Proceed::new);
    }

    /**
     * Files a report the platform has posted as {@code root}: remembers it for its buttons, and opens an incident
     * for the host when the report finds a fault and none is open (a report of a host with an open incident is added
     * to its timeline, with what changed).
     *
     * @param host the report's host, or null when it named none (then only the memory is kept)
     */
    public Filed file(String host, TriageRequest request, TriageReport report, Requester who, RootMessage root) {
        String key = host == null ? null : Texts.hostKey(host);
        ReportState state = ReportState.of(report);
        String bundle = SupportBundle.text(report);
        Instant now = context.now();
        if (key == null) {
            RememberedReport memory = context.jdbc().inTransaction(c ->
                    ReportMemory.remember(c, now, null, null, request, state, bundle));
            return new Filed(memory, null, false);
        }
        Filing filing;
        try {
            filing = context.jdbc().inTransaction(c -> fileFor(c, key, now, request, state, bundle, who, root));
        } catch (StoreException e) {
            if (!e.uniqueViolation()) {
                throw e;
            }
            // another process opened the host's incident between our look and our insert: join it
            filing = context.jdbc().inTransaction(c -> fileFor(c, key, now, request, state, bundle, who, root));
        }
        return new Filed(filing.memory(), filing.incident() == null ? null : summary(filing.incident()), filing.opened());
    }

    private record Filing(RememberedReport memory, IncidentRow incident, boolean opened) {
    }

    private Filing fileFor(Connection c, String key, Instant now, TriageRequest request, ReportState state, String bundle,
                           Requester who, RootMessage root) throws SQLException {
        Optional<IncidentRow> open = liveIncident(c, key);
        if (open.isPresent()) {
            IncidentRow row = open.get();
            List<String> changes = StateChanges.between(row.state(), state);
            IncidentStore.updateState(c, row.id(), state, failedKeys(row.failedProbes(), state));
            IncidentStore.append(c, row.id(), now, EventKind.REPORT, who.toString(),
                    "triaged again: " + (changes.isEmpty() ? "nothing changed" : changes.size() + " change(s)")
                            + "; " + state.verdict(), evidence(changes, state));
            return new Filing(ReportMemory.remember(c, now, key, row.id(), request, state, bundle), row, false);
        }
        if (!state.troubled()) {
            return new Filing(ReportMemory.remember(c, now, key, null, request, state, bundle), null, false);
        }
        IncidentRow row = IncidentStore.insert(c, key, now, root, request, state, failedKeys(List.of(), state));
        IncidentStore.append(c, row.id(), now, EventKind.OPENED, who.toString(), "first report: " + state.verdict(),
                evidence(List.of(), state));
        return new Filing(ReportMemory.remember(c, now, key, row.id(), request, state, bundle), row, true);
    }

    /** The report behind a button's token; empty when unknown (forgotten, or not a token). */
    public Optional<RememberedReport> recall(String token) {
        return context.jdbc().inTransaction(c -> ReportMemory.recall(c, token));
    }

    /**
     * Records in the host's open incident that someone did something (pressed Re-run or Timeline, ran a command).
     *
     * @return false when no incident is open for the host (nothing recorded)
     */
    public boolean recordAction(String host, Requester who, String action) {
        String key = Texts.hostKey(host);
        return context.jdbc().inTransaction(c -> {
            Optional<IncidentRow> row = IncidentStore.open(c, key);
            if (row.isPresent()) {
                append(c, row.get().id(), EventKind.ACTION, who, Texts.clip(action, 200));
            }
            return row.isPresent();
        });
    }

    /**
     * Starts a watch of the host's open incident, held by this process: the thread is told and the root's mark
     * set to watching. Refused when no incident is open (the host's last triage found nothing failing), or when
     * this process already runs {@code watch.maxActive} watches.
     */
    public WatchStart watch(String host, Requester who) {
        String key = Texts.hostKey(host);
        Instant now = context.now();
        WatchStartRow started = context.jdbc().inTransaction(c -> {
            Optional<IncidentRow> open = liveIncident(c, key);
            if (open.isEmpty()) {
                return new WatchStartRow(null, "no open incident for " + key
                        + ": its last triage found nothing failing, so there is nothing to watch; triage it first", false);
            }
            IncidentRow row = open.get();
            Optional<WatchRow> watch = WatchStore.byIncident(c, row.id());
            if (watch.isPresent() && WatchRow.ACTIVE.equals(watch.get().status())) {
                return new WatchStartRow(row, null, false);
            }
            int held = WatchStore.held(c, context.holder(), now);
            if (held >= context.settings().maxActive()) {
                return new WatchStartRow(null, "this bot already watches " + held + " hosts (watch.maxActive is "
                        + context.settings().maxActive() + "): stop one, or raise watch.maxActive", false);
            }
            WatchStore.start(c, row.id(), now, who.toString(), now.plus(context.settings().interval()),
                    context.holder(), now.plus(context.leaseTtl()));
            append(c, row.id(), EventKind.ACTION, who, "Watch: started watching every "
                    + TimelineText.duration(context.settings().interval()));
            int seq = IncidentStore.append(c, row.id(), now, EventKind.WATCH, null, "watch started", List.of());
            Outbox.enqueue(c, row.id(), postKey(row.id(), seq, "watching"), OutboxRow.THREAD,
                    PostTexts.watching(key, context.settings(), who), now);
            Outbox.enqueue(c, row.id(), postKey(row.id(), seq, "mark"), RootStatus.WATCHING.name(),
                    PostTexts.rootStatus(RootStatus.WATCHING, key), now);
            return new WatchStartRow(row, null, true);
        });
        if (started.incident() == null) {
            return new WatchStart.Refused(started.refusal());
        }
        if (!started.started()) {
            return new WatchStart.AlreadyWatching(summary(started.incident()));
        }
        deliveries.deliver(started.incident().id());
        return new WatchStart.Started(summary(started.incident()));
    }

    private record WatchStartRow(IncidentRow incident, String refusal, boolean started) {
    }

    /**
     * Stops the watch of the host's open incident by hand: the thread is told who stopped it and the root's mark
     * updated; the incident stays open.
     *
     * @return false when no watch of the host was running
     */
    public boolean stopWatching(String host, Requester who) {
        String key = Texts.hostKey(host);
        Instant now = context.now();
        Long stopped = context.jdbc().inTransaction(c -> {
            Optional<IncidentRow> open = IncidentStore.open(c, key);
            if (open.isEmpty() || !WatchStore.end(c, open.get().id(), "stopped")) {
                return null;
            }
            long id = open.get().id();
            int seq = append(c, id, EventKind.ACTION, who, "Stop watching");
            Outbox.enqueue(c, id, postKey(id, seq, "stopped"), OutboxRow.THREAD, PostTexts.stopped(who), now);
            Outbox.enqueue(c, id, postKey(id, seq, "mark"), RootStatus.STOPPED.name(),
                    PostTexts.rootStatus(RootStatus.STOPPED, key), now);
            return id;
        });
        if (stopped == null) {
            return false;
        }
        deliveries.deliver(stopped);
        return true;
    }

    /**
     * Records a Cloudflare alert about the host in its open incident's timeline; an alert that ended is also told
     * in the incident's thread ("Cloudflare reports the alert ended"), and the watch goes on to confirm recovery.
     * A repeat of the same alert (same correlation id and event: Cloudflare retries) does nothing.
     *
     * @param correlationId the alert's {@code alert_correlation_id} (a retry carries the same)
     * @param ended true for {@code ALERT_STATE_EVENT_END}, false for a start or an alert without state
     * @param line the alert in one line, as the platform will show it
     */
    public AlertRecord recordAlert(String host, String correlationId, boolean ended, String line) {
        String key = Texts.hostKey(host);
        String correlation = Texts.clip(correlationId == null ? "none" : correlationId, 200);
        Instant now = context.now();
        Long told = context.jdbc().inTransaction(c -> {
            Optional<IncidentRow> open = liveIncident(c, key);
            if (open.isEmpty()) {
                return -1L;
            }
            long id = open.get().id();
            return tellAlert(c, id, correlation, ended, line, now) ? id : 0L;
        });
        if (told < 0) {
            return AlertRecord.NO_INCIDENT;
        }
        if (told == 0) {
            return AlertRecord.REPEAT;
        }
        deliveries.deliver(told);
        return AlertRecord.RECORDED;
    }

    /**
     * Records the end of an alert in every incident its start was recorded in that is still live, as
     * {@link #recordAlert} judges it (the alert may have opened several: the proxied hosts of a zone), and tells each
     * thread. A repeat does nothing.
     *
     * @return the hosts of the incidents told, in lower case
     */
    public List<String> recordAlertEnd(String correlationId, String line) {
        String correlation = Texts.clip(correlationId == null ? "none" : correlationId, 200);
        Instant now = context.now();
        List<IncidentRow> told = context.jdbc().inTransaction(c -> {
            List<IncidentRow> rows = new ArrayList<>();
            for (long id : AlertStore.startedIn(c, correlation)) {
                Optional<IncidentRow> started = IncidentStore.byId(c, id);
                Optional<IncidentRow> live = started.isPresent() ? liveIncident(c, started.get().host()) : Optional.empty();
                if (live.isPresent() && live.get().id() == id && tellAlert(c, id, correlation, true, line, now)) {
                    rows.add(live.get());
                }
            }
            return rows;
        });
        told.forEach(row -> deliveries.deliver(row.id()));
        return told.stream().map(IncidentRow::host).toList();
    }

    /**
     * Adds the alert to the incident's timeline and, for an end, a line to its thread; false when the incident had
     * already seen this alert's event (Cloudflare retries).
     */
    private static boolean tellAlert(Connection c, long id, String correlation, boolean ended, String line, Instant now)
            throws SQLException {
        if (!AlertStore.firstSighting(c, correlation, ended ? "end" : "start", id, now)) {
            return false;
        }
        int seq = IncidentStore.append(c, id, now, EventKind.ALERT, "Cloudflare",
                (ended ? "alert ended: " : "alert: ") + Texts.clip(line, 500), List.of());
        if (ended) {
            Outbox.enqueue(c, id, postKey(id, seq, "alert-ended"), OutboxRow.THREAD,
                    "Cloudflare reports the alert ended: " + Texts.clip(line, 500), now);
        }
        return true;
    }

    /** The open incidents, oldest first. */
    public List<IncidentSummary> openIncidents() {
        return context.jdbc().inTransaction(IncidentStore::allOpen).stream().map(this::summary).toList();
    }

    /** The timeline of the host's open incident, or else of its latest closed one; empty when it never had one. */
    public Optional<Timeline> timeline(String host) {
        String key = Texts.hostKey(host);
        return context.jdbc().inTransaction(c -> {
            Optional<IncidentRow> row = IncidentStore.latest(c, key);
            if (row.isEmpty()) {
                return Optional.<Timeline>empty();
            }
            IncidentRow r = row.get();
            return Optional.of(new Timeline(r.id(), r.host(), r.openedAt(), r.closedAt(), r.outcome(),
                    r.state().verdict(), IncidentStore.events(c, r.id())));
        });
    }

    /** Forgets the memory of reports older than {@code age} that no open incident needs; returns how many. */
    public int forgetReportsOlderThan(Duration age) {
        return context.jdbc().inTransaction(c -> ReportMemory.forgetBefore(c, context.now().minus(age)));
    }

    /** The host's open incident, closing it first when it is stale (no watch and no activity for maxDuration). */
    private Optional<IncidentRow> liveIncident(Connection c, String key) throws SQLException {
        Optional<IncidentRow> open = IncidentStore.open(c, key);
        if (open.isEmpty()) {
            return open;
        }
        IncidentRow row = open.get();
        Instant now = context.now();
        boolean watched = WatchStore.byIncident(c, row.id()).filter(w -> WatchRow.ACTIVE.equals(w.status())).isPresent();
        if (watched || row.lastActivity().plus(context.settings().maxDuration()).isAfter(now)) {
            return open;
        }
        IncidentStore.append(c, row.id(), now, EventKind.CLOSED, null, "closed: no watch and no activity for "
                + TimelineText.duration(context.settings().maxDuration()), List.of());
        IncidentStore.close(c, row.id(), now, "closed");
        return Optional.empty();
    }

    private int append(Connection c, long id, EventKind kind, Requester who, String summary) throws SQLException {
        return IncidentStore.append(c, id, context.now(), kind, who.toString(), summary, List.of());
    }

    /** The incident as listed, asking the platform for its link once and keeping it. */
    IncidentSummary summary(IncidentRow row) {
        String link = row.link();
        if (link == null) {
            try {
                link = context.channel().permalink(row.root());
                String kept = link;
                if (kept != null) {
                    context.jdbc().inTransaction(c -> {
                        IncidentStore.setLink(c, row.id(), kept);
                        return null;
                    });
                }
            } catch (RuntimeException e) {
                LOG.warn("incident {}: no link from the platform: {}", row.id(), e.getClass().getSimpleName());
            }
        }
        boolean watched = context.jdbc().inTransaction(c -> WatchStore.byIncident(c, row.id()))
                .filter(w -> WatchRow.ACTIVE.equals(w.status())).isPresent();
        return new IncidentSummary(row.id(), row.host(), row.openedAt(), row.state().verdict(), link, watched);
    }

    /** The keys of probes that failed before or fail now. */
    static List<String> failedKeys(List<String> before, ReportState state) {
        Set<String> keys = new LinkedHashSet<>(before);
        state.probes().stream().filter(ProbeState::failed).forEach(p -> keys.add(p.key()));
        return List.copyOf(keys);
    }

    /** The evidence a timeline entry keeps: the changes, then the top cause's evidence. */
    static List<String> evidence(List<String> changes, ReportState state) {
        List<String> lines = new ArrayList<>(changes);
        CauseState top = state.topCause();
        if (top != null) {
            top.evidence().forEach(line -> lines.add(top.id() + ": " + line));
        }
        state.probes().stream().filter(ProbeState::failed).forEach(p -> lines.add(p.key() + ": fail"));
        return List.copyOf(lines);
    }

    static String postKey(long incidentId, int seq, String what) {
        return "cftriage-" + incidentId + "-" + seq + "-" + what;
    }
}
