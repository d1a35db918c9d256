package dev.cftriage.internal.evidence;

/**
 * The Cloudflare zone a host belongs to, as the API shows it to the operator's token.
 *
 * @param host the host looked up
 * @param zoneId the zone's id, or null when no zone the token can read holds the host
 * @param zoneName the zone's name, or null
 * @param status the zone's status ({@code active}, {@code pending}, {@code moved} …), or null
 * @param paused true when the zone is paused (Cloudflare passes traffic straight to the origin)
 * @param accountId the account owning the zone, or null
 */
public record ZoneFacts(String host, String zoneId, String zoneName, String status, boolean paused, String accountId)
        implements ProbeFacts {

    /** True when a zone was found. */
    public boolean found() {
        return zoneId != null;
    }

    @Override
    public ProbeStatus verdict() {
        return found() && "active".equals(status) && !paused ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        if (!found()) {
            return "no zone the API token can read holds " + host;
        }
        return host + " is in zone " + zoneName + " (" + status + (paused ? ", paused" : "") + ")";
    }
}
