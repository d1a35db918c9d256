package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.SslModeFacts;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.internal.evidence.TlsOutcome;
import dev.cftriage.report.SslModeSummary.Mode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * With the zone's SSL/TLS mode from the API, the probes' guesses about a 521, 522, 525 or 526 become certainties:
 * the mode says which port and which checks Cloudflare used, the probes say what that port does. A mode that cannot
 * produce the error at all (Flexible never speaks TLS to the origin, Full never checks the certificate) points to
 * a rule overriding the mode for the host.
 */
final class SslModeRule implements CauseRule {
    private static final double CERTAIN = 0.98;
    private static final double SETTLED = 0.97;

    @Override
    public Set<String> causes() {
        return Set.of("ssl-mode-mismatch", "origin-no-https", "origin-refused", "origin-timeout", "tls-handshake-failed",
                "tls-cert-expired", "tls-cert-self-signed", "tls-cert-untrusted", "tls-cert-hostname-mismatch");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        SslModeFacts api = s.evidence().first(SslModeFacts.class);
        if (api == null || api.mode() == null || !s.codeIn(521, 522, 525, 526)) {
            return List.of();
        }
        String said = "zone SSL mode is " + SslModeFacts.label(api.mode()) + " [API]";
        List<Finding> out = new ArrayList<>();
        if (s.codeIn(525, 526) && (api.mode().equals("flexible") || api.mode().equals("off"))
                || s.codeIn(526) && api.mode().equals("full")) {
            out.add(new Finding.Found("ssl-mode-mismatch", 0.85, List.of(said + ", which cannot give " + s.code()
                    + ": a Configuration Rule or Page Rule must set another mode for " + s.host()), Map.of(),
                    FactSource.API, false));
            return out;
        }
        Mode mode = SslModes.modes(s.evidence()).stream().filter(m -> m.mode().equals(api.mode())).findFirst().orElse(null);
        if (mode == null || !Boolean.FALSE.equals(mode.works()) || !s.code().equals(mode.predicts())) {
            return out;
        }
        switch (s.code()) {
            case 521 -> out.add(certain(!api.mode().equals("flexible") && SslModes.plainWorks(s.evidence())
                    ? "origin-no-https" : "origin-refused", SETTLED, said, mode.why(), Map.of()));
            case 522 -> out.add(certain("origin-timeout", SETTLED, said, mode.why(), Map.of()));
            case 525 -> handshakes(s).stream().filter(t -> t.outcome() != TlsOutcome.COMPLETED).findFirst()
                    .ifPresent(t -> out.add(certain("tls-handshake-failed", SETTLED, said, t.summary(), TlsRules.values(t))));
            default -> handshakes(s).stream().filter(t -> !t.validForStrict()).findFirst()
                    .ifPresent(t -> certificateCauses(t, said, out));
        }
        return out;
    }

    private static List<TlsFacts> handshakes(Situation s) {
        return s.evidence().facts(TlsFacts.class, t -> t.outcome() != TlsOutcome.NO_CONNECTION);
    }

    private static void certificateCauses(TlsFacts tls, String said, List<Finding> out) {
        Map<String, String> v = TlsRules.values(tls);
        if (Boolean.TRUE.equals(tls.expired()) || Boolean.TRUE.equals(tls.notYetValid())) {
            out.add(certain("tls-cert-expired", CERTAIN, said, tls.summary(), v));
        }
        if (Boolean.TRUE.equals(tls.selfSigned())) {
            out.add(certain("tls-cert-self-signed", CERTAIN, said, tls.summary(), v));
        } else if (Boolean.FALSE.equals(tls.trusted())) {
            out.add(certain("tls-cert-untrusted", CERTAIN, said, tls.summary(), v));
        }
        if (Boolean.FALSE.equals(tls.hostnameMatches())) {
            out.add(certain("tls-cert-hostname-mismatch", CERTAIN, said, tls.summary(), v));
        }
    }

    private static Finding certain(String cause, double strength, String said, String seen, Map<String, String> values) {
        return new Finding.Found(cause, strength, List.of(said, seen), new HashMap<>(values), FactSource.API, true);
    }
}
