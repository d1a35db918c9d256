package dev.cftriage.ops;

import dev.cftriage.TriageRequest;
import dev.cftriage.ZoneHosts;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.report.TriageReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link ChatBackend} that hands every call to another; subclasses override what they add to. */
abstract class ForwardingChatBackend implements ChatBackend {
    private final ChatBackend delegate;

    ForwardingChatBackend(ChatBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public Admission admit(String userKey, String channelKey) {
        return delegate.admit(userKey, channelKey);
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        return delegate.submit(request);
    }

    @Override
    public CompletableFuture<ZoneHosts> proxiedHosts(String zone) {
        return delegate.proxiedHosts(zone);
    }

    @Override
    public boolean describesError(String text) {
        return delegate.describesError(text);
    }

    @Override
    public List<String> changes(TriageReport before, TriageReport after) {
        return delegate.changes(before, after);
    }

    @Override
    public String supportBundle(TriageReport report) {
        return delegate.supportBundle(report);
    }
}
