package dev.cftriage.discord;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.chat.Admission;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A {@link ChatBackend} that answers from a script: the outcomes to return, in order, and an admission to give.
 * Records the requests it was asked for. Paste detection looks for "Error 5" unless a test gives its own; the
 * comparison names the edge status when it changed.
 */
final class ScriptedBackend implements ChatBackend {
    final List<TriageRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<CompletableFuture<TriageReport>> outcomes = new ConcurrentLinkedQueue<>();
    private volatile Admission admission = new Admission.Admitted();
    private volatile Predicate<String> detector = text -> text.contains("Error 5");

    /** Answers the next submit with this report. */
    ScriptedBackend thenReport(TriageReport report) {
        outcomes.add(CompletableFuture.completedFuture(report));
        return this;
    }

    /** Answers the next submit with a report the test completes later (a triage still running); returns it. */
    CompletableFuture<TriageReport> thenPending() {
        CompletableFuture<TriageReport> pending = new CompletableFuture<>();
        outcomes.add(pending);
        return pending;
    }

    /** Answers the next submit with this failure. */
    ScriptedBackend thenFail(RuntimeException failure) {
        outcomes.add(CompletableFuture.failedFuture(failure));
        return this;
    }

    /** Detects pasted errors with this from now on (on whatever thread the adapter calls it). */
    void detectWith(Predicate<String> next) {
        detector = next;
    }

    /** Gives this admission from now on. */
    void admitWith(Admission next) {
        admission = next;
    }

    @Override
    public Admission admit(String userKey, String channelKey) {
        return admission;
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        requests.add(request);
        CompletableFuture<TriageReport> next = outcomes.poll();
        return next != null ? next : CompletableFuture.failedFuture(new AssertionError("no scripted outcome left"));
    }

    @Override
    public boolean describesError(String text) {
        return detector.test(text);
    }

    @Override
    public List<String> changes(TriageReport before, TriageReport after) {
        Integer then = before.edge() == null ? null : before.edge().status();
        Integer now = after.edge() == null ? null : after.edge().status();
        return Objects.equals(then, now) ? List.of() : List.of("edge: " + then + " → " + now);
    }

    @Override
    public String supportBundle(TriageReport report) {
        return "bundle for " + report.input().host();
    }
}
