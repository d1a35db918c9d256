package dev.cftriage.chat;

import dev.cftriage.input.BadInputException;
import dev.cftriage.TriageRequest;
import dev.cftriage.ZoneHosts;
import dev.cftriage.internal.parse.PasteParser;
import dev.cftriage.report.ReportDiff;
import dev.cftriage.report.SupportBundle;
import dev.cftriage.report.TriageReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ChatBackend} over bot-core: {@link TriageService}, the paste parser, {@link ReportDiff} and
 * {@link SupportBundle}. Thread-safe.
 */
final class ServiceChatBackend implements ChatBackend {
    private final TriageService service;

    ServiceChatBackend(TriageService service) {
        this.service = service;
    }

    @Override
    public Admission admit(String userKey, String channelKey) {
        return service.admit(userKey, channelKey);
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        return service.submit(request);
    }

    @Override
    public CompletableFuture<ZoneHosts> proxiedHosts(String zone) {
        return service.engine().proxiedHosts(zone);
    }

    @Override
    public boolean describesError(String text) {
        try {
            return PasteParser.parse(text).describesError();
        } catch (BadInputException e) {
            return false;
        }
    }

    @Override
    public List<String> changes(TriageReport before, TriageReport after) {
        return ReportDiff.changes(before, after);
    }

    @Override
    public String supportBundle(TriageReport report) {
        return SupportBundle.text(report);
    }
}
