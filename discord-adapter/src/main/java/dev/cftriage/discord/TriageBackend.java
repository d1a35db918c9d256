package dev.cftriage.discord;

import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.service.Admission;
import dev.cftriage.service.TriageService;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the Discord adapter needs from bot-core, in one place: admission, triage, paste detection, report
 * comparison and the support bundle. {@link #of(TriageService)} is the real one; tests may pass their own.
 * Implementations are thread-safe.
 */
interface TriageBackend {

    /** Takes one request from the user's and the channel's allowance (see {@link TriageService#admit}). */
    Admission admit(String userKey, String channelKey);

    /** Runs a triage; fails with BusyException or BadInputException (see {@link TriageService#submit}). */
    CompletableFuture<TriageReport> submit(TriageRequest request);

    /** True when the message holds a Cloudflare error worth a triage. */
    boolean describesError(String text);

    /** What changed from {@code before} to {@code after}, one line each; empty when nothing did. */
    List<String> changes(TriageReport before, TriageReport after);

    /** The report as a plain-text bundle for Cloudflare support. */
    String supportBundle(TriageReport report);

    /** The backend over bot-core's service. */
    static TriageBackend of(TriageService service) {
        return new BotCoreBackend(service);
    }
}
