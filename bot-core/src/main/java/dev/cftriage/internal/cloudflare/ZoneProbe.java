package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ZoneFacts;

/** Looks up the Cloudflare zone that holds the host ({@code cf-api-zone}). Immutable and thread-safe. */
final class ZoneProbe implements Probe {
    private final CloudflareApi api;
    private final String host;

    ZoneProbe(CloudflareApi api, String host) {
        this.api = api;
        this.host = host;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.CF_API_ZONE;
    }

    @Override
    public String target() {
        return host;
    }

    @Override
    public ZoneFacts run(ProbeContext context) throws InterruptedException {
        return facts(host, Answers.await(api.zone(host), context, "the zone lookup"));
    }

    /**
     * The zone holding the host, for a lookup that needs it.
     *
     * @param needs what cannot be done without a zone, e.g. "no SSL mode to read"
     * @throws CloudflareServiceException when no zone the token can read holds the host
     */
    static ZoneFacts require(CloudflareApi api, String host, ProbeContext context, String needs) throws InterruptedException {
        ZoneFacts zone = facts(host, Answers.await(api.zone(host), context, "the zone lookup"));
        if (!zone.found()) {
            throw new CloudflareServiceException("no zone the API token can read holds " + host + ": " + needs);
        }
        return zone;
    }

    /** The facts of a zone answer (null: no zone). */
    static ZoneFacts facts(String host, JsonNode zone) {
        if (zone == null) {
            return new ZoneFacts(host, null, null, null, false, null);
        }
        return new ZoneFacts(host, zone.path("id").asText(), zone.path("name").asText(), zone.path("status").asText(null),
                zone.path("paused").asBoolean(false), zone.path("account").path("id").asText(null));
    }
}
