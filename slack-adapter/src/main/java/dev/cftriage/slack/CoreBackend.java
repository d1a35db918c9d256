package dev.cftriage.slack;

import dev.cftriage.TriageRequest;
import dev.cftriage.parse.ParsedPaste;
import dev.cftriage.parse.PasteParser;
import dev.cftriage.report.ReportJson;
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
        ParsedPaste paste = PasteParser.parse(text);
        return paste.code() != null || paste.errorCode() != null || paste.rayId() != null;
    }

    @Override
    public List<String> changes(TriageReport before, TriageReport after) {
        return List.of();
    }

    @Override
    public String bundle(TriageReport report) {
        return ReportJson.write(report);
    }
}
