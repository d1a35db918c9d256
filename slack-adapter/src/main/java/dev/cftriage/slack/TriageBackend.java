package dev.cftriage.slack;

import dev.cftriage.TriageRequest;
import dev.cftriage.service.Admission;
import dev.cftriage.service.TriageService;
import dev.cftriage.report.TriageReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the Slack adapter needs from bot-core: admission, triage, paste detection, report diffs and support
 * bundles. {@link #core(TriageService)} is the real one; tests of the Slack plumbing may supply reports of their
 * own. Implementations are thread-safe.
 */
interface TriageBackend {

    /** Takes one request from the user's and the channel's allowance. */
    Admission admit(String userKey, String channelKey);

    /** Runs a triage; the future fails with BusyException or BadInputException. */
    CompletableFuture<TriageReport> submit(TriageRequest request);

    /** True when a channel message holds a Cloudflare error worth triaging unprompted. */
    boolean describesError(String text);

    /** What changed between two runs of the same request, one line each. */
    List<String> changes(TriageReport before, TriageReport after);

    /** The support bundle text of a report. */
    String bundle(TriageReport report);

    /** The backend over bot-core's service. */
    static TriageBackend core(TriageService service) {
        return new CoreBackend(service);
    }
}
