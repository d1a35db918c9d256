package dev.cftriage.internal.cloudflare;

import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.SslModeFacts;
import dev.cftriage.internal.evidence.ZoneFacts;

/**
 * Reads the zone's SSL/TLS mode ({@code settings/ssl}) and whether automatic mode picks it
 * ({@code settings/ssl_automatic_mode}, {@code auto} or {@code custom}; unknown when the API does not say)
 * ({@code cf-api-ssl}). Immutable and thread-safe.
 */
final class SslModeProbe implements Probe {
    private final CloudflareApi api;
    private final String host;

    SslModeProbe(CloudflareApi api, String host) {
        this.api = api;
        this.host = host;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.CF_API_SSL;
    }

    @Override
    public String target() {
        return host;
    }

    @Override
    public SslModeFacts run(ProbeContext context) throws InterruptedException {
        ZoneFacts zone = ZoneProbe.require(api, host, context, "no SSL mode to read");
        var automatic = api.setting(zone.zoneId(), "ssl_automatic_mode").handle((v, e) -> e == null ? v : null);
        String mode = Answers.await(api.setting(zone.zoneId(), "ssl"), context, "the SSL mode lookup");
        String auto = Answers.await(automatic, context, "the automatic SSL mode lookup");
        return new SslModeFacts(zone.zoneName(), mode, auto == null ? null : auto.equals("auto"));
    }
}
