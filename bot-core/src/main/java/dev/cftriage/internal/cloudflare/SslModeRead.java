package dev.cftriage.internal.cloudflare;

import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.SslModeFacts;
import dev.cftriage.internal.evidence.ZoneFacts;

/**
 * Reads the zone's SSL/TLS mode ({@code settings/ssl}) and whether automatic mode picks it
 * ({@code settings/ssl_automatic_mode}, {@code auto} or {@code custom}; unknown when the API does not say)
 * ({@code cf-api-ssl}). Stateless.
 */
final class SslModeRead implements ApiRead {

    @Override
    public SslModeFacts read(CloudflareApi api, ZoneFacts zone, ProbeContext context) throws InterruptedException {
        var automatic = api.setting(zone.zoneId(), "ssl_automatic_mode").handle((v, e) -> e == null ? v : null);
        String mode = Answers.await(api.setting(zone.zoneId(), "ssl"), context, "the SSL mode lookup");
        String auto = Answers.await(automatic, context, "the automatic SSL mode lookup");
        return new SslModeFacts(zone.zoneName(), mode, auto == null ? null : auto.equals("auto"));
    }
}
