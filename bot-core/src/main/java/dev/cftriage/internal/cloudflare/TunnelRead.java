package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.TunnelFacts;
import dev.cftriage.internal.evidence.ZoneFacts;
import dev.cftriage.internal.net.Ascii;
import dev.cftriage.internal.evidence.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Compares the tunnel a host's CNAME names ({@code <uuid>.cfargotunnel.com}) with the account's tunnels and counts
 * the connections its cloudflared connectors hold ({@code cf-api-tunnel}). Immutable and thread-safe.
 */
final class TunnelRead implements ApiRead {
    private final String tunnelId;

    TunnelRead(String tunnelId) {
        this.tunnelId = tunnelId;
    }

    @Override
    public TunnelFacts read(CloudflareApi api, ZoneFacts zone, ProbeContext context) throws InterruptedException {
        if (zone.accountId() == null) {
            throw new CloudflareServiceException("the zone of " + zone.host() + " names no account: its tunnels cannot be read");
        }
        CompletableFuture<JsonNode> connectors = api.tunnelConnections(zone.accountId(), tunnelId);
        JsonNode tunnel = null;
        for (JsonNode t : Answers.await(api.tunnels(zone.accountId()), context, "the tunnel list")) {
            boolean deleted = !t.path("deleted_at").isNull() && !t.path("deleted_at").isMissingNode();
            if (Ascii.equalsIgnoreCase(tunnelId, t.path("id").asText()) && !deleted) {
                tunnel = t;
            }
        }
        if (tunnel == null) {
            return new TunnelFacts(zone.host(), tunnelId, false, null, null, 0, List.of());
        }
        List<String> colos = new ArrayList<>();
        try {
            Answers.await(connectors, context, "the tunnel connections").forEach(connector -> connector.path("conns").forEach(c -> colos.add(c.path("colo_name").asText())));
        } catch (CloudflareServiceException e) {
            tunnel.path("connections").forEach(c -> colos.add(c.path("colo_name").asText()));
        }
        return new TunnelFacts(zone.host(), tunnelId, true, tunnel.path("name").asText(null), tunnel.path("status").asText(null),
                colos.size(), colos.stream().distinct().toList());
    }
}
