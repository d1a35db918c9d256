package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The origin answers when asked from here, yet Cloudflare reports it cannot connect (521, 522) or reach it (523):
 * the path from Cloudflare is what fails — a firewall or rate limit on Cloudflare's ranges, or routing. Only an
 * address that accepted every port probed counts: one that failed from here too is explained by that failure, and
 * weakens the finding (Cloudflare may have tried that address).
 */
final class ReachableOriginRules implements CauseRule {
    /** Another origin address fails from here too: Cloudflare's failure may be that address rather than the path. */
    private static final double ANOTHER_ADDRESS_FAILS = 0.75;

    @Override
    public Set<String> causes() {
        return Set.of("firewall-blocks-cloudflare", "routing-issue");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        if (!s.codeIn(521, 522, 523)) {
            return List.of();
        }
        Set<String> failing = s.evidence().facts(TcpFacts.class, t -> t.outcome() != TcpOutcome.CONNECTED).stream()
                .map(TcpFacts::address).collect(Collectors.toSet());
        List<HttpFacts> healthy = s.healthyOriginAnswers().stream().filter(h -> !failing.contains(h.address())).toList();
        List<TcpFacts> connected = s.evidence().facts(TcpFacts.class,
                t -> t.outcome() == TcpOutcome.CONNECTED && !failing.contains(t.address()));
        if (connected.isEmpty()) {
            return List.of();
        }
        String line;
        Map<String, String> values;
        double strength;
        if (!healthy.isEmpty()) {
            HttpFacts h = healthy.get(0);
            line = "Cloudflare reports " + s.code() + ", yet " + Endpoints.format(h.address(), h.port())
                    + " answered " + h.status() + " to a request from here";
            values = Map.of("address", h.address(), "port", String.valueOf(h.port()), "status", String.valueOf(h.status()));
            strength = 0.8;
        } else {
            TcpFacts t = connected.get(0);
            line = "Cloudflare reports " + s.code() + ", yet " + Endpoints.format(t.address(), t.port())
                    + " accepted a connection from here";
            values = Map.of("address", t.address(), "port", String.valueOf(t.port()));
            strength = 0.65;
        }
        if (!failing.isEmpty()) {
            strength *= ANOTHER_ADDRESS_FAILS;
        }
        String cause = s.codeIn(523) ? "routing-issue" : "firewall-blocks-cloudflare";
        return List.of(new Finding.Found(cause, strength, List.of(line), values));
    }
}
