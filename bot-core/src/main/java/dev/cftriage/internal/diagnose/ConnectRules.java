package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.net.CloudflarePorts;
import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the TCP connects to the origin show: refused, refused on HTTPS only, timed out, unreachable — or that every
 * port accepts, which rules those out.
 */
final class ConnectRules implements CauseRule {
    /** How much a failed port weighs when another finding explains it better. */
    private static final double EXPLAINED_WEIGHT = 0.65;

    @Override
    public Set<String> causes() {
        return Set.of("origin-refused", "origin-no-https", "origin-timeout", "origin-unreachable");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<TcpFacts> all = s.evidence().facts(TcpFacts.class);
        if (all.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Map<String, List<TcpFacts>> byAddress = all.stream()
                .collect(Collectors.groupingBy(TcpFacts::address, LinkedHashMap::new, Collectors.toList()));
        byAddress.forEach((address, ports) -> evaluateAddress(address, ports, all, s, out));
        if (all.stream().allMatch(t -> t.outcome() == TcpOutcome.CONNECTED)) {
            String why = "every origin port accepted a connection";
            out.add(new Finding.RuledOut("origin-refused", why));
            out.add(new Finding.RuledOut("origin-no-https", why));
            out.add(new Finding.RuledOut("origin-timeout", why));
            out.add(new Finding.RuledOut("origin-unreachable", why));
        }
        return out;
    }

    private static void evaluateAddress(String address, List<TcpFacts> ports, List<TcpFacts> all, Situation s,
                                        List<Finding> out) {
        double weight = explainedElsewhere(ports, all) ? EXPLAINED_WEIGHT : 1.0;
        List<TcpFacts> refused = with(ports, TcpOutcome.REFUSED);
        List<TcpFacts> timedOut = with(ports, TcpOutcome.TIMED_OUT);
        List<TcpFacts> unreachable = with(ports, TcpOutcome.UNREACHABLE);
        boolean plainWorks = ports.stream().anyMatch(t -> t.outcome() == TcpOutcome.CONNECTED && !CloudflarePorts.tls(t.port()));
        List<TcpFacts> tlsPorts = ports.stream().filter(t -> CloudflarePorts.tls(t.port())).toList();
        boolean httpsRefused = !tlsPorts.isEmpty() && tlsPorts.stream().allMatch(t -> t.outcome() == TcpOutcome.REFUSED);

        if (plainWorks && httpsRefused) {
            TcpFacts https = tlsPorts.get(0);
            out.add(new Finding.Found("origin-no-https", 0.9, List.of(
                    lineFor(ports, TcpOutcome.CONNECTED) + " but " + Endpoints.format(address, https.port())
                            + " refused: the origin serves plain HTTP only"),
                    Map.of("address", address, "port", String.valueOf(https.port()), "ports", portList(tlsPorts))));
        } else if (!refused.isEmpty()) {
            double strength = (refused.size() == ports.size() ? 0.95 : 0.8) * weight;
            out.add(new Finding.Found("origin-refused", strength,
                    refused.stream().map(TcpFacts::summary).toList(),
                    Map.of("address", address, "port", String.valueOf(refused.get(0).port()), "ports", portList(refused))));
        }
        if (!timedOut.isEmpty()) {
            out.add(new Finding.Found("origin-timeout", (timedOut.size() == ports.size() ? 0.9 : 0.75) * weight,
                    timedOut.stream().map(TcpFacts::summary).toList(),
                    Map.of("address", address, "port", String.valueOf(timedOut.get(0).port()), "ports", portList(timedOut),
                            "timeoutMs", String.valueOf(s.timeoutMs()))));
        }
        if (!unreachable.isEmpty()) {
            out.add(new Finding.Found("origin-unreachable", 0.9 * weight, unreachable.stream().map(TcpFacts::summary).toList(),
                    Map.of("address", address, "port", String.valueOf(unreachable.get(0).port()), "ports", portList(unreachable))));
        }
    }

    /**
     * True when every failed port of the address has a better explanation than the port itself: the other address
     * family connects on it ({@link AddressFamilyRule}), or it is a plain HTTP port while an HTTPS port of the same
     * address connects ({@link PortModeRule}: the SSL/TLS mode sends Cloudflare to the wrong port).
     */
    private static boolean explainedElsewhere(List<TcpFacts> ports, List<TcpFacts> all) {
        boolean tlsWorks = ports.stream().anyMatch(t -> t.outcome() == TcpOutcome.CONNECTED && CloudflarePorts.tls(t.port()));
        List<TcpFacts> failed = ports.stream().filter(t -> t.outcome() != TcpOutcome.CONNECTED).toList();
        return !failed.isEmpty() && failed.stream().allMatch(t -> AddressFamilyRule.failsWhereOtherFamilyWorks(t, all)
                || (tlsWorks && !CloudflarePorts.tls(t.port())));
    }

    private static List<TcpFacts> with(List<TcpFacts> ports, TcpOutcome outcome) {
        return ports.stream().filter(t -> t.outcome() == outcome).toList();
    }

    private static String lineFor(List<TcpFacts> ports, TcpOutcome outcome) {
        return ports.stream().filter(t -> t.outcome() == outcome && !CloudflarePorts.tls(t.port()))
                .map(t -> Endpoints.format(t.address(), t.port())).collect(Collectors.joining(" and ")) + " accepted";
    }

    private static String portList(List<TcpFacts> ports) {
        return ports.stream().map(t -> String.valueOf(t.port())).distinct().collect(Collectors.joining(", "));
    }
}
