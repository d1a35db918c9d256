package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the origin's IPv4 and IPv6 addresses port by port: Cloudflare connects over IPv6 when an AAAA record
 * exists, so a family whose every address fails on a port where the other family connects is a 521 or 522 that a
 * check from a dual-stack machine never sees. Names the broken family and the one that works; both families
 * working rules both causes out.
 */
final class AddressFamilyRule implements CauseRule {
    static final String IPV6_BROKEN = "origin-ipv6-broken";
    static final String IPV4_BROKEN = "origin-ipv4-broken";

    @Override
    public Set<String> causes() {
        return Set.of(IPV6_BROKEN, IPV4_BROKEN);
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<TcpFacts> all = s.evidence().facts(TcpFacts.class);
        List<TcpFacts> v4 = all.stream().filter(t -> !ipv6(t)).toList();
        List<TcpFacts> v6 = all.stream().filter(AddressFamilyRule::ipv6).toList();
        if (v4.isEmpty() || v6.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        broken(IPV6_BROKEN, "IPv6", v6, "IPv4", v4).ifPresent(out::add);
        broken(IPV4_BROKEN, "IPv4", v4, "IPv6", v6).ifPresent(out::add);
        if (out.isEmpty() && !connectedPorts(v4).isEmpty() && !connectedPorts(v6).isEmpty()) {
            String why = "both IPv4 and IPv6 addresses of the origin accept connections";
            out.add(new Finding.RuledOut(IPV6_BROKEN, why));
            out.add(new Finding.RuledOut(IPV4_BROKEN, why));
        }
        return out;
    }

    /** True when the connect failed on a port where an address of the other family connected. */
    static boolean failsWhereOtherFamilyWorks(TcpFacts failed, List<TcpFacts> all) {
        return failed.outcome() != TcpOutcome.CONNECTED && all.stream().anyMatch(t -> ipv6(t) != ipv6(failed)
                && t.port() == failed.port() && t.outcome() == TcpOutcome.CONNECTED);
    }

    private static Optional<Finding> broken(String cause, String family, List<TcpFacts> mine, String other,
                                                      List<TcpFacts> theirs) {
        Set<Integer> working = connectedPorts(theirs);
        Set<Integer> mineWorking = connectedPorts(mine);
        List<TcpFacts> failing = mine.stream()
                .filter(t -> working.contains(t.port()) && !mineWorking.contains(t.port()))
                .toList();
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        TcpFacts first = failing.get(0);
        TcpFacts works = theirs.stream().filter(t -> t.port() == first.port() && t.outcome() == TcpOutcome.CONNECTED)
                .findFirst().orElseThrow();
        List<String> lines = new ArrayList<>(failing.stream().map(TcpFacts::summary).toList());
        lines.add("over " + other + ", " + Endpoints.format(works.address(), works.port())
                + " accepted the connection: " + other + " works, " + family + " does not");
        double strength = mineWorking.isEmpty() ? 1.0 : 0.9;
        return Optional.of(new Finding.Found(cause, strength, lines, Map.of(
                "address", first.address(), "port", String.valueOf(first.port()),
                "ports", failing.stream().map(t -> String.valueOf(t.port())).distinct().collect(Collectors.joining(", ")))));
    }

    private static Set<Integer> connectedPorts(List<TcpFacts> facts) {
        return facts.stream().filter(t -> t.outcome() == TcpOutcome.CONNECTED).map(TcpFacts::port).collect(Collectors.toSet());
    }

    private static boolean ipv6(TcpFacts t) {
        return t.address().indexOf(':') >= 0;
    }
}
