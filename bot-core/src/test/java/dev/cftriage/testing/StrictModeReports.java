package dev.cftriage.testing;

import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.report.Cause;
import dev.cftriage.report.SslModeSummary;
import dev.cftriage.report.TriageReport;
import java.util.List;

/**
 * A report as the Cloudflare API makes it: zone in Full (strict), a self-signed origin certificate confirmed by the
 * probes and the API. For renderer tests of the SSL/TLS mode line and of who confirmed a cause.
 */
public final class StrictModeReports {
    private StrictModeReports() {
    }

    /** {@code plain} with its causes replaced by the certain self-signed cause and an SSL/TLS mode summary added. */
    public static TriageReport selfSignedUnderStrict(TriageReport plain) {
        Cause certain = new Cause("tls-cert-self-signed", "The origin presents a self-signed certificate", 0.98, true,
                List.of("zone SSL mode is Full (strict) [API]"), List.of("Replace it"),
                List.of(FactSource.PROBE, FactSource.API));
        SslModeSummary ssl = new SslModeSummary("strict", "strict", false, List.of("strict"), List.of(
                new SslModeSummary.Mode("flexible", true, "port 80 answers", null),
                new SslModeSummary.Mode("full", true, "TLS completes", null),
                new SslModeSummary.Mode("strict", false, "self-signed", 526)));
        return new TriageReport(plain.input(), plain.code(), plain.edge(), plain.probes(), List.of(certain),
                plain.steps(), true, plain.notes(), plain.startedAt(), plain.evidenceAt(), plain.elapsedMs(), ssl);
    }
}
