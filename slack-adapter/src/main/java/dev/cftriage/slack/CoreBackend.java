package dev.cftriage.slack;

import dev.cftriage.BadInputException;
import dev.cftriage.TriageRequest;
import dev.cftriage.parse.PasteParser;
import dev.cftriage.report.ReportDiff;
import dev.cftriage.report.SupportBundle;
import dev.cftriage.report.TriageReport;
import dev.cftriage.service.Admission;
import dev.cftriage.service.TriageService;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The backend over bot-core: the service for admission and triage, the parser and the report helpers. */
final class CoreBackend implements TriageBackend {
    private final TriageService service;

    CoreBackend(TriageService service) {
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
    public String bundle(TriageReport report) {
        return SupportBundle.text(report);
    }
}
