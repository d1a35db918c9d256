package dev.cftriage.internal.cloudflare;

import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ZoneFacts;

/** The zone lookup itself ({@code cf-api-zone}): reports the zone, or that none holds the host. Stateless. */
final class ZoneRead implements ApiRead {

    @Override
    public ProbeKind kind() {
        return ProbeKind.CF_API_ZONE;
    }

    @Override
    public String target(String host) {
        return host;
    }

    @Override
    public String withoutZone() {
        return null;
    }

    @Override
    public ZoneFacts read(CloudflareApi api, ZoneFacts zone, ProbeContext context) {
        return zone;
    }
}
