package dev.cftriage.internal.evidence;

/**
 * The zone's SSL/TLS encryption mode as the API reports it.
 *
 * @param zoneName the zone
 * @param mode {@code off}, {@code flexible}, {@code full} or {@code strict}
 * @param automatic true when Cloudflare picks the mode itself (automatic SSL/TLS), false when set by hand, null
 *     when unknown
 */
public record SslModeFacts(String zoneName, String mode, Boolean automatic) implements ProbeFacts {

    /** The mode as the dashboard names it, e.g. "Full (strict)". */
    public static String label(String mode) {
        return switch (mode == null ? "" : mode) {
            case "off" -> "Off";
            case "flexible" -> "Flexible";
            case "full" -> "Full";
            case "strict" -> "Full (strict)";
            default -> String.valueOf(mode);
        };
    }

    @Override
    public ProbeStatus verdict() {
        return ProbeStatus.OK;
    }

    @Override
    public String summary() {
        return "zone " + zoneName + " SSL/TLS mode is " + label(mode)
                + (Boolean.TRUE.equals(automatic) ? " (automatic mode)" : Boolean.FALSE.equals(automatic) ? " (set by hand)" : "");
    }
}
