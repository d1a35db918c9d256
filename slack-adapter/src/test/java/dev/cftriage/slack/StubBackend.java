package dev.cftriage.slack;

import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.ChatBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend that answers with a sample report (or a set outcome) and records what it was asked. */
final class StubBackend implements ChatBackend {
    final List<TriageRequest> requests = new CopyOnWriteArrayList<>();
    /** Every text paste detection asked about. */
    final List<String> screened = new CopyOnWriteArrayList<>();
    volatile boolean limited;
    /** What every triage returns; null for the sample report. */
    volatile CompletableFuture<TriageReport> outcome;

    @Override
    public Admission admit(String userKey, String channelKey) {
        return limited ? new Admission.Limited("user", Duration.ofSeconds(7)) : new Admission.Admitted();
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        requests.add(request);
        CompletableFuture<TriageReport> next = outcome;
        return next != null ? next : CompletableFuture.completedFuture(SampleReports.refused("example.com"));
    }

    @Override
    public boolean describesError(String text) {
        screened.add(text);
        return text.contains("Error 52");
    }

    @Override
    public List<String> changes(TriageReport before, TriageReport after) {
        return List.of("edge status 523 → 200");
    }

    @Override
    public String supportBundle(TriageReport report) {
        return "bundle of " + report.input().host();
    }
}
