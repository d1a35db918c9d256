package dev.cftriage.slack;

import dev.cftriage.TriageRequest;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.report.TriageReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend that counts the triages the bot starts and hands everything to the real one. */
final class CountingBackend implements ChatBackend {
    final AtomicInteger submitted = new AtomicInteger();
    private final ChatBackend real;

    CountingBackend(ChatBackend real) {
        this.real = real;
    }

    @Override
    public Admission admit(String userKey, String channelKey) {
        return real.admit(userKey, channelKey);
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        submitted.incrementAndGet();
        return real.submit(request);
    }

    @Override
    public boolean describesError(String text) {
        return real.describesError(text);
    }

    @Override
    public List<String> changes(TriageReport before, TriageReport after) {
        return real.changes(before, after);
    }

    @Override
    public String supportBundle(TriageReport report) {
        return real.supportBundle(report);
    }
}
