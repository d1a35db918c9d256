package dev.cftriage.internal.evidence;

import java.util.List;

/**
 * A Cloudflare Tunnel a host routes to (its CNAME names {@code <uuid>.cfargotunnel.com}), as the account's API shows it.
 *
 * @param host the host
 * @param tunnelId the tunnel UUID from the CNAME
 * @param exists true when the account has a tunnel with that id that is not deleted
 * @param name the tunnel's name, or null
 * @param status the tunnel's status ({@code healthy}, {@code degraded}, {@code down}, {@code inactive}), or null
 * @param connections how many connections cloudflared holds open now
 * @param colos the data centres the connections go to
 */
public record TunnelFacts(String host, String tunnelId, boolean exists, String name, String status, int connections,
                          List<String> colos) implements ProbeFacts {

    public TunnelFacts {
        colos = List.copyOf(colos);
    }

    @Override
    public ProbeStatus verdict() {
        return exists && connections > 0 ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        if (!exists) {
            return host + " routes to tunnel " + tunnelId + ", which the account does not have (deleted or replaced)";
        }
        return "tunnel " + name + " (" + tunnelId + ") is " + status + " with " + connections + " connection"
                + (connections == 1 ? "" : "s") + (colos.isEmpty() ? "" : " via " + String.join(", ", colos));
    }
}
