package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ZoneFacts;

/**
 * One read of Cloudflare's API about a host ({@code cf-api-*}): looks up the zone that holds the host, then lets the
 * kind's {@link ApiRead} read what it needs from it. The zone lookup is shared by every read of a triage (the
 * client caches it). Immutable and thread-safe.
 *
 * @param api the API client
 * @param host the host triaged
 * @param read the kind's part
 */
record ApiProbe(CloudflareApi api, String host, ApiRead read) implements Probe {

    @Override
    public ProbeKind kind() {
        return read.kind();
    }

    @Override
    public String target() {
        return read.target(host);
    }

    @Override
    public ProbeFacts run(ProbeContext context) throws InterruptedException {
        ZoneFacts zone = zoneFacts(host, Answers.await(api.zone(host), context, "the zone lookup"));
        if (!zone.found() && read.withoutZone() != null) {
            throw new CloudflareServiceException("no zone the API token can read holds " + host + ": " + read.withoutZone());
        }
        return read.read(api, zone, context);
    }

    /** The facts of a zone answer (null: no zone). */
    private static ZoneFacts zoneFacts(String host, JsonNode zone) {
        if (zone == null) {
            return new ZoneFacts(host, null, null, null, false, null);
        }
        return new ZoneFacts(host, zone.path("id").asText(), zone.path("name").asText(), zone.path("status").asText(null),
                zone.path("paused").asBoolean(false), zone.path("account").path("id").asText(null));
    }
}
