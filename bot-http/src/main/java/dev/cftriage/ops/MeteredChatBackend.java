package dev.cftriage.ops;

import dev.cftriage.TriageRequest;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.BusyException;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.report.TriageReport;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ChatBackend} that counts what it refuses in {@link BotMetrics}: requests over a rate limit (by scope)
 * and requests refused as busy. Everything else is the delegate's. Thread-safe.
 */
public final class MeteredChatBackend extends ForwardingChatBackend {
    private final BotMetrics metrics;

    public MeteredChatBackend(ChatBackend delegate, BotMetrics metrics) {
        super(delegate);
        this.metrics = metrics;
    }

    @Override
    public Admission admit(String userKey, String channelKey) {
        Admission admission = super.admit(userKey, channelKey);
        if (admission instanceof Admission.Limited limited) {
            metrics.rateLimited(limited.scope());
        }
        return admission;
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        CompletableFuture<TriageReport> triage = super.submit(request);
        triage.whenComplete((report, error) -> {
            if (error != null && busy(error)) {
                metrics.busy();
            }
        });
        return triage;
    }

    private static boolean busy(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof BusyException)) {
            cause = cause.getCause();
        }
        return cause instanceof BusyException;
    }
}
