package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.net.CloudflarePorts;
import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TlsOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSL/TLS mode read from the ports, for a 521 or 522 (or no code): at one origin address, the plain HTTP port
 * refused or black-holed while the HTTPS port completes TLS is the signature of Flexible sending Cloudflare to port
 * 80 — pick Full (strict), or Full when the certificate would not pass strict; the reverse (HTTPS dead, plain HTTP
 * answering) is Full or Full (strict) sending it to 443 — pick Flexible or serve HTTPS. The port's own cause
 * (refused, timed out, no HTTPS) stays beside it.
 */
final class PortModeRule implements CauseRule {
    static final String CAUSE = "ssl-mode-mismatch";

    @Override
    public Set<String> causes() {
        return Set.of(CAUSE);
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        if (s.code() != null && !s.codeIn(521, 522)) {
            return List.of();
        }
        Map<String, List<TcpFacts>> byAddress = s.evidence().facts(TcpFacts.class).stream()
                .collect(Collectors.groupingBy(TcpFacts::address, LinkedHashMap::new, Collectors.toList()));
        List<Finding> out = new ArrayList<>();
        byAddress.forEach((address, ports) -> {
            List<TcpFacts> plain = ports.stream().filter(t -> !CloudflarePorts.tls(t.port())).toList();
            List<TcpFacts> tls = ports.stream().filter(t -> CloudflarePorts.tls(t.port())).toList();
            if (plain.isEmpty() || tls.isEmpty()) {
                return;
            }
            TlsFacts handshake = s.evidence().facts(TlsFacts.class, t -> t.address().equals(address)
                    && t.outcome() == TlsOutcome.COMPLETED).stream().findFirst().orElse(null);
            if (allDead(plain) && handshake != null) {
                String mode = handshake.validForStrict() ? "Full (strict)" : "Full (or Full (strict) once the certificate is valid for the host)";
                out.add(new Finding.Found(CAUSE, 0.95, List.of(
                        dead(plain) + ", while " + Endpoints.format(address, handshake.port())
                                + " completes TLS: a Flexible mode sends Cloudflare to the plain HTTP port; pick " + mode),
                        Map.of("address", address, "port", String.valueOf(handshake.port()), "mode", mode)));
            } else if (allDead(tls) && plain.stream().anyMatch(t -> t.outcome() == TcpOutcome.CONNECTED)) {
                String mode = "Flexible (or serve HTTPS on 443 and keep Full (strict))";
                TcpFacts open = plain.stream().filter(t -> t.outcome() == TcpOutcome.CONNECTED).findFirst().orElseThrow();
                out.add(new Finding.Found(CAUSE, 0.7, List.of(
                        dead(tls) + ", while " + Endpoints.format(address, open.port())
                                + " accepts plain HTTP: Full and Full (strict) send Cloudflare to the HTTPS port; pick " + mode),
                        Map.of("address", address, "port", String.valueOf(open.port()), "mode", mode)));
            }
        });
        return out;
    }

    private static boolean allDead(List<TcpFacts> ports) {
        return ports.stream().allMatch(t -> t.outcome() == TcpOutcome.REFUSED || t.outcome() == TcpOutcome.TIMED_OUT);
    }

    private static String dead(List<TcpFacts> ports) {
        return ports.stream().map(t -> Endpoints.format(t.address(), t.port())
                + (t.outcome() == TcpOutcome.REFUSED ? " refused the connection" : " did not answer the SYN"))
                .collect(Collectors.joining(" and "));
    }
}
