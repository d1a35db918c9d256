package dev.cftriage.chat;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.ZoneHosts;
import dev.cftriage.report.TriageReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a chat adapter needs from bot-core, in one place: admission, triage, paste detection, report comparison
 * and the support bundle. {@link #of(TriageService)} is the real one; adapter tests may supply their own.
 * Implementations are thread-safe.
 */
public interface ChatBackend {

    /** Takes one request from the user's and the channel's allowance (see {@link TriageService#admit}). */
    Admission admit(String userKey, String channelKey);

    /** Runs a triage; the future fails with {@link BusyException} or {@link dev.cftriage.input.BadInputException}. */
    CompletableFuture<TriageReport> submit(TriageRequest request);

    /** True when a channel message holds a Cloudflare error worth triaging unprompted; never throws. */
    boolean describesError(String text);

    /** What changed between two runs of the same request, one line each; empty when nothing did. */
    List<String> changes(TriageReport before, TriageReport after);

    /** The text to hand Cloudflare support. */
    String supportBundle(TriageReport report);

    /**
     * The proxied hosts of a Cloudflare zone (see {@link CfTriage#proxiedHosts}); never fails. This default asks
     * nothing and answers {@link ZoneHosts.Off}, as without an API token.
     */
    default CompletableFuture<ZoneHosts> proxiedHosts(String zone) {
        return CompletableFuture.completedFuture(new ZoneHosts.Off());
    }

    /** The backend over bot-core's service. */
    static ChatBackend of(TriageService service) {
        return new ServiceChatBackend(service);
    }
}
