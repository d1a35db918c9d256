package dev.cftriage.internal.cloudflare;

import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ZoneFacts;

/**
 * One kind's part of an {@link ApiProbe}: what it reads from Cloudflare's API once the host's zone is known.
 * Implementations are immutable and thread-safe.
 */
@FunctionalInterface
interface ApiRead {

    /**
     * Reads the facts.
     *
     * @param zone the host's zone; found unless the probe reports a missing zone itself (the zone lookup)
     * @throws CloudflareServiceException when a call failed or did not answer within the context's budget
     */
    ProbeFacts read(CloudflareApi api, ZoneFacts zone, ProbeContext context) throws InterruptedException;
}
