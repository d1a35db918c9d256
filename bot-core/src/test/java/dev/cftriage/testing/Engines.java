package dev.cftriage.testing;

import dev.cftriage.CfTriage;
import dev.cftriage.config.TriageConfig;
import java.time.Duration;
import java.util.List;

/** Engine settings for tests: loopback opted in, Cloudflare's unprivileged ports 8080 and 8443, a short budget. */
public final class Engines {
    private Engines() {
    }

    /** Settings that let the probes reach loopback fault servers on ports 8080 (HTTP) and 8443 (HTTPS). */
    public static TriageConfig loopbackLab(Duration budget) {
        return TriageConfig.defaults()
                .withAllowTargets(List.of("127.0.0.0/8"))
                .withPorts(List.of(8080, 8443))
                .withTimeout(budget);
    }

    /** An engine with {@link #loopbackLab} settings. */
    public static CfTriage loopbackEngine(Duration budget) {
        return CfTriage.create(loopbackLab(budget));
    }
}
