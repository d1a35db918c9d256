package dev.cftriage.internal.cloudflare;

import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ZoneFacts;

/**
 * One kind's part of an {@link ApiProbe}: what it reads from Cloudflare's API once the host's zone is known.
 * Implementations are immutable and thread-safe.
 */
interface ApiRead {

    /** The probe kind this read reports as. */
    ProbeKind kind();

    /** What is probed, as the report shows it: the host, a tunnel id, a Ray ID. */
    String target(String host);

    /**
     * What cannot be done without a zone, e.g. "no SSL mode to read": the probe fails with it when no zone the token
     * can read holds the host; null when the read reports a missing zone itself.
     */
    String withoutZone();

    /**
     * Reads the facts.
     *
     * @param zone the host's zone; found unless {@link #withoutZone()} is null
     * @throws CloudflareServiceException when a call failed or did not answer within the context's budget
     */
    ProbeFacts read(CloudflareApi api, ZoneFacts zone, ProbeContext context) throws InterruptedException;
}
