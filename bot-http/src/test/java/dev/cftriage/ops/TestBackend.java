package dev.cftriage.ops;

import dev.cftriage.TriageRequest;
import dev.cftriage.ZoneHosts;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.report.TriageReport;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A backend whose triages end when the test completes them, and whose admissions the test sets. */
final class TestBackend implements ChatBackend {
    final Queue<CompletableFuture<TriageReport>> triages = new ConcurrentLinkedQueue<>();
    volatile Admission admission = new Admission.Admitted();

    @Override
    public Admission admit(String userKey, String channelKey) {
        return admission;
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        CompletableFuture<TriageReport> triage = new CompletableFuture<>();
        triages.add(triage);
        return triage;
    }

    /** Answers every zone with one proxied host, {@code www.} under it. */
    @Override
    public CompletableFuture<ZoneHosts> proxiedHosts(String zone) {
        return CompletableFuture.completedFuture(new ZoneHosts.Proxied(zone, List.of("www." + zone), 0, false));
    }

    @Override
    public boolean describesError(String text) {
        return false;
    }

    @Override
    public List<String> changes(TriageReport before, TriageReport after) {
        return List.of();
    }

    @Override
    public String supportBundle(TriageReport report) {
        return "";
    }

    static Admission.Limited limited(String scope) {
        return new Admission.Limited(scope, Duration.ofSeconds(10));
    }
}
