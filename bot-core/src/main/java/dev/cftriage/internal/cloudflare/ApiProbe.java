package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ZoneFacts;
import dev.cftriage.internal.net.AddressPolicy;
import java.time.Instant;

/**
 * One read of Cloudflare's API about a host ({@code cf-api-*}): looks up the zone that holds the host (the client
 * shares the lookup between the reads of a triage), then lets the kind's {@link ApiRead} read what it needs from it.
 * Immutable and thread-safe.
 *
 * @param kind the probe kind
 * @param target what is probed, as the report shows it: the host, a tunnel id, a Ray ID
 * @param api the API client
 * @param host the host triaged
 * @param withoutZone what cannot be done without a zone, e.g. "no SSL mode to read": the probe fails with it when no
 *     zone the token can read holds the host; null when the read reports a missing zone itself
 * @param read the kind's part
 */
record ApiProbe(ProbeKind kind, String target, CloudflareApi api, String host, String withoutZone, ApiRead read)
        implements Probe {

    /** The zone that holds the host, or that none does ({@code cf-api-zone}). */
    static ApiProbe zone(CloudflareApi api, String host) {
        return new ApiProbe(ProbeKind.CF_API_ZONE, host, api, host, null, (a, zone, context) -> zone);
    }

    /** The host's DNS records ({@code cf-api-dns}), their addresses classified by the policy. */
    static ApiProbe dnsRecords(CloudflareApi api, String host, AddressPolicy policy) {
        return new ApiProbe(ProbeKind.CF_API_DNS, host, api, host, "no DNS records to read", new DnsRecordsRead(policy));
    }

    /** The zone's SSL/TLS mode ({@code cf-api-ssl}). */
    static ApiProbe sslMode(CloudflareApi api, String host) {
        return new ApiProbe(ProbeKind.CF_API_SSL, host, api, host, "no SSL mode to read", new SslModeRead());
    }

    /** The tunnel a host's CNAME names ({@code cf-api-tunnel}). */
    static ApiProbe tunnel(CloudflareApi api, String host, String tunnelId) {
        return new ApiProbe(ProbeKind.CF_API_TUNNEL, tunnelId, api, host, "its tunnels cannot be read",
                new TunnelRead(tunnelId));
    }

    /**
     * A Ray ID's request ({@code cf-api-ray}).
     *
     * @param time when the paste says the error happened, or null
     * @param now the current time, the end of the window when the paste has no time
     */
    static ApiProbe rayLookup(CloudflareApi api, String host, String rayId, Instant time, Instant now) {
        return new ApiProbe(ProbeKind.CF_API_RAY, rayId, api, host, "the Ray ID cannot be looked up",
                new RayLookupRead(rayId, time, now));
    }

    @Override
    public ProbeFacts run(ProbeContext context) throws InterruptedException {
        ZoneFacts zone = zoneFacts(host, Answers.await(api.zone(host), context, "the zone lookup"));
        if (!zone.found() && withoutZone != null) {
            throw new CloudflareServiceException("no zone the API token can read holds " + host + ": " + withoutZone);
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
