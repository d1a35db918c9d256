package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.TunnelFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tunnel the host's CNAME names, compared with the account's tunnels: missing (the record is stale), without
 * connections (cloudflared is down, 1033), or connected (both ruled out).
 */
final class TunnelRule implements CauseRule {
    private static final double SETTLED = 0.97;

    @Override
    public Set<String> causes() {
        return Set.of("tunnel-down", "tunnel-dns-stale");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        TunnelFacts tunnel = s.evidence().first(TunnelFacts.class);
        if (tunnel == null) {
            return List.of();
        }
        Map<String, String> values = Map.of("host", tunnel.host());
        if (!tunnel.exists()) {
            return List.of(new Finding.Found("tunnel-dns-stale", SETTLED, List.of(tunnel.summary() + " [API]"), values,
                    FactSource.API, true));
        }
        if (tunnel.connections() == 0) {
            return List.of(new Finding.Found("tunnel-down", SETTLED, List.of(tunnel.summary() + " [API]"), values,
                    FactSource.API, true));
        }
        String why = tunnel.summary();
        return List.of(new Finding.RuledOut("tunnel-down", why), new Finding.RuledOut("tunnel-dns-stale", why));
    }
}
