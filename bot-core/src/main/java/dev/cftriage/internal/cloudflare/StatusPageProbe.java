package dev.cftriage.internal.cloudflare;

import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.StatusPageFacts;

/** Reads Cloudflare's status page ({@code status-page}); the summary is shared for a minute. Immutable and thread-safe. */
final class StatusPageProbe implements Probe {
    private final StatusPage statusPage;

    StatusPageProbe(StatusPage statusPage) {
        this.statusPage = statusPage;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.STATUS_PAGE;
    }

    @Override
    public String target() {
        return statusPage.page();
    }

    @Override
    public StatusPageFacts run(ProbeContext context) throws InterruptedException {
        return Answers.await(statusPage.summary(), context, "the Cloudflare status page");
    }
}
