package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.net.CloudflarePorts;
import dev.cftriage.internal.evidence.Endpoints;
import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.SslModeFacts;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TlsOutcome;
import dev.cftriage.report.SslModeSummary;
import dev.cftriage.report.SslModeSummary.Mode;
import java.util.List;

/**
 * Infers, from the origin probes on the plain HTTP and HTTPS ports (connect, handshake with any certificate, and
 * the certificate's validity), which Cloudflare SSL/TLS mode would work and which error each would give: Flexible
 * needs plain HTTP on port 80 (521 when refused, 522 when silent, 520 when the answer is broken); Full needs TLS on
 * 443 with any certificate (521, 522, then 525 when the handshake fails); Full (strict) also needs a valid
 * certificate for the host from a public CA or Cloudflare's Origin CA (526). Stateless.
 */
public final class SslModes {
    private SslModes() {
    }

    /**
     * The SSL mode section of a report.
     *
     * @param code the error diagnosed, or null
     * @return the section, or null when no origin port was probed and the API did not report the mode
     */
    public static SslModeSummary summarise(Integer code, Evidence evidence) {
        SslModeFacts api = evidence.first(SslModeFacts.class);
        List<Mode> modes = modes(evidence);
        if (modes.isEmpty() && api == null) {
            return null;
        }
        List<String> matching = code == null ? List.of()
                : modes.stream().filter(m -> code.equals(m.predicts())).map(Mode::mode).toList();
        return new SslModeSummary(matching.size() == 1 ? matching.get(0) : null, api == null ? null : api.mode(),
                api == null ? null : api.automatic(), matching, modes);
    }

    /** What Flexible, Full and Full (strict) would each do with the origin; empty when no origin port was probed. */
    static List<Mode> modes(Evidence evidence) {
        List<TcpFacts> connects = evidence.facts(TcpFacts.class);
        if (connects.isEmpty()) {
            return List.of();
        }
        return List.of(flexible(evidence, connects), encrypted("full", evidence, connects),
                encrypted("strict", evidence, connects));
    }

    private static Mode flexible(Evidence evidence, List<TcpFacts> connects) {
        List<TcpFacts> plain = connects.stream().filter(t -> !CloudflarePorts.tls(t.port())).toList();
        if (plain.isEmpty()) {
            return new Mode("flexible", null, "no plain HTTP port was probed", null);
        }
        Mode refused = connectFailure("flexible", plain, "Flexible connects over plain HTTP to port 80");
        if (refused != null) {
            return refused;
        }
        for (HttpFacts http : evidence.facts(HttpFacts.class, h -> h.scheme().equals("http"))) {
            if (http.outcome() != HttpOutcome.RESPONSE) {
                return new Mode("flexible", false, http.summary(), 520);
            }
        }
        TcpFacts first = plain.get(0);
        return new Mode("flexible", true, Endpoints.format(first.address(), first.port())
                + " accepts plain HTTP, as Flexible needs", null);
    }

    private static Mode encrypted(String mode, Evidence evidence, List<TcpFacts> connects) {
        List<TcpFacts> tls = connects.stream().filter(t -> CloudflarePorts.tls(t.port())).toList();
        if (tls.isEmpty()) {
            return new Mode(mode, null, "no HTTPS port was probed", null);
        }
        Mode refused = connectFailure(mode, tls, (mode.equals("strict") ? "Full (strict)" : "Full")
                + " connects over TLS to port 443");
        if (refused != null) {
            return refused;
        }
        List<TlsFacts> handshakes = evidence.facts(TlsFacts.class, t -> t.outcome() != TlsOutcome.NO_CONNECTION);
        for (TlsFacts handshake : handshakes) {
            if (handshake.outcome() != TlsOutcome.COMPLETED) {
                return new Mode(mode, false, handshake.summary(), 525);
            }
            if (mode.equals("strict") && !handshake.validForStrict()) {
                return new Mode(mode, false, handshake.summary() + ": Full (strict) rejects this certificate", 526);
            }
        }
        if (handshakes.isEmpty()) {
            return new Mode(mode, null, "no TLS handshake was made", null);
        }
        TlsFacts first = handshakes.get(0);
        String where = Endpoints.format(first.address(), first.port());
        return new Mode(mode, true, mode.equals("strict")
                ? where + " presents a valid certificate for " + first.sni() + (first.originCa() ? " (Cloudflare Origin CA)" : "")
                : where + " completes TLS (Full accepts any certificate)", null);
    }

    /** The mode failing at connect (refused 521, silent 522, unreachable 523), or null when every port connects. */
    private static Mode connectFailure(String mode, List<TcpFacts> ports, String needs) {
        for (TcpFacts t : ports) {
            Integer predicts = switch (t.outcome()) {
                case REFUSED -> 521;
                case TIMED_OUT -> 522;
                case UNREACHABLE -> 523;
                case CONNECTED -> null;
            };
            if (predicts != null) {
                return new Mode(mode, false, t.summary() + "; " + needs, predicts);
            }
        }
        return null;
    }

    /** True when some plain HTTP port accepted a connection. */
    static boolean plainWorks(Evidence evidence) {
        return evidence.facts(TcpFacts.class).stream()
                .anyMatch(t -> !CloudflarePorts.tls(t.port()) && t.outcome() == TcpOutcome.CONNECTED);
    }
}
