package dev.cftriage.incidents;

/**
 * The kinds of Cloudflare alert incident mode understands, each with the code its triage diagnoses. Unknown types
 * are accepted and shown as a plain notice.
 */
public enum AlertKind {
    /** {@code http_alert_origin_error}: the edge's error rate from the origin; the live edge code is diagnosed. */
    ORIGIN_ERROR(null),
    /**
     * Passive origin monitoring, health checks and load-balancing pool health: the origin is unreachable; the
     * engine names the 52x from what its probes see.
     */
    ORIGIN_HEALTH(null),
    /** {@code tunnel_health_event}: a Cloudflare Tunnel is down or degraded; the edge answers 1033 (a 530). */
    TUNNEL(530),
    /** Certificate events ({@code universal_ssl_event_type} …): the origin's certificate is checked (526). */
    CERTIFICATE(526),
    /** An alert type incident mode does not know. */
    UNKNOWN(null);

    private final Integer code;

    AlertKind(Integer code) {
        this.code = code;
    }

    /** The code the triage diagnoses, or null when the engine takes it from the live edge and its probes. */
    public Integer code() {
        return code;
    }

    /** The kind of a Cloudflare {@code alert_type}; null or unknown text gives {@link #UNKNOWN}. */
    public static AlertKind of(String alertType) {
        if (alertType == null) {
            return UNKNOWN;
        }
        return switch (alertType) {
            case "http_alert_origin_error" -> ORIGIN_ERROR;
            case "real_origin_monitoring", "health_check_status_notification", "load_balancing_health_alert",
                 "load_balancing_pool_enablement_alert" -> ORIGIN_HEALTH;
            case "tunnel_health_event" -> TUNNEL;
            case "universal_ssl_event_type", "dedicated_ssl_certificate_event_type", "custom_ssl_certificate_event_type"
                    -> CERTIFICATE;
            default -> UNKNOWN;
        };
    }
}
