package dev.cftriage.testing;

import dev.cftriage.CfTriage;
import dev.cftriage.config.TriageConfig;
import java.time.Duration;
import java.util.List;

/**
 * Engine settings for tests: loopback opted in, Cloudflare's unprivileged ports 8080 and 8443, a short budget, and
 * DNS pointed at a closed loopback port, so that a name no test meant to look up never reaches a real resolver
 * (tests that need DNS point the engine at a {@link TestDnsServer}).
 */
public final class Engines {
    private Engines() {
    }

    /** A resolver address where nothing listens: lookups through it fail at once, on this machine. */
    public static final String NO_RESOLVER = "127.0.0.1:9";

    /** Settings that let the probes reach loopback fault servers on ports 8080 (HTTP) and 8443 (HTTPS). */
    public static TriageConfig loopbackLab(Duration budget) {
        return TriageConfig.builder()
                .resolvers(List.of(NO_RESOLVER))
                .allowTargets(List.of("127.0.0.0/8"))
                .ports(List.of(8080, 8443))
                .timeout(budget).build();
    }

    /** An engine with {@link #loopbackLab} settings. */
    public static CfTriage loopbackEngine(Duration budget) {
        return CfTriage.create(loopbackLab(budget));
    }
}
