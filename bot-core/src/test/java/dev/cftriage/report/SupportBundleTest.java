package dev.cftriage.report;

import static dev.cftriage.report.Reports.cause;
import static dev.cftriage.report.Reports.code;
import static dev.cftriage.report.Reports.dnsBehindCloudflare;
import static dev.cftriage.report.Reports.edge;
import static dev.cftriage.report.Reports.input;
import static dev.cftriage.report.Reports.probe;
import static dev.cftriage.report.Reports.refusedTcp;
import static dev.cftriage.report.Reports.report;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportBundleTest {
    private static final Steps SUPPORT_521 = new Steps(List.of("owner step"), List.of("visitor step"),
            List.of("The Ray IDs and times (in UTC) of failing requests."));

    @Test
    void bundleNamesTheRequestTheProbesAndTheCauses() {
        TriageReport report = report(input("8b2e5f3a1c9d4e7f", "LAX", "Los Angeles", Instant.parse("2026-01-18T14:30:00Z")),
                code(521), edge(521, null),
                List.of(dnsBehindCloudflare("shop.example.com", "104.16.132.229"), refusedTcp("192.0.2.1", 443)),
                List.of(cause("origin-refused", 0.86, true, "192.0.2.1:443 refused the connection"),
                        cause("firewall-blocks-cloudflare", 0.5, false)),
                SUPPORT_521, List.of("origin-http was skipped: no connection"));

        String text = SupportBundle.text(report);

        assertContains(text,
                "Ray ID: 8b2e5f3a1c9d4e7f (LAX, Los Angeles)",
                "Ray ID of cf-triage's own request: 8b2e5f3a1c9d4e7f-LAX",
                "Time of the error: 2026-01-18 14:30:00 UTC",
                "Probed at: 2026-01-18 14:34:55 UTC",
                "Host: shop.example.com",
                "URL: https://shop.example.com/cart",
                "Error: 521 (Web server is down)",
                "The edge answers now: 521, cf-error-type origin",
                "- origin-tcp 192.0.2.1:443: fail — 192.0.2.1:443 refused the connection",
                "1. Title of origin-refused [origin-refused, 86%, seen in the probes]",
                "   - 192.0.2.1:443 refused the connection",
                "2. Title of firewall-blocks-cloudflare [firewall-blocks-cloudflare, 50%, from the error code only]",
                "What Cloudflare support asks for with a 521:\n- The Ray IDs and times (in UTC) of failing requests.",
                "- origin-http was skipped: no connection");
    }

    @Test
    void pathCommandsTargetTheEdgeAddressDnsSaw() {
        TriageReport report = report(edge(522, null), List.of(dnsBehindCloudflare("shop.example.com", "104.16.132.229")),
                List.of());

        String text = SupportBundle.text(report);

        assertContains(text, "  mtr -rwzbc 100 104.16.132.229\n", "  traceroute -T -p 443 104.16.132.229\n");
        assertFalse(text.contains("mtr -rwzbc 100 192.0.2.200"), "a non-Cloudflare answer was used as the edge address");
    }

    @Test
    void withoutDnsFactsTheCommandsAskForAnAddressFromTheLogs() {
        TriageReport report = report(null, List.of(probe(ProbeKind.DNS, "shop.example.com", ProbeStatus.SKIPPED)), List.of());

        String text = SupportBundle.text(report);

        assertContains(text, "mtr -rwzbc 100 <a Cloudflare IP from your origin's logs>",
                "traceroute -T -p 443 <a Cloudflare IP from your origin's logs>");
    }

    @Test
    void onlyTheTopThreeCausesAreListed() {
        TriageReport report = report(null, List.of(), List.of(cause("a-cause", 0.9, true), cause("b-cause", 0.8, true),
                cause("c-cause", 0.7, false), cause("d-cause", 0.6, false)));

        String text = SupportBundle.text(report);

        assertContains(text, "3. Title of c-cause");
        assertFalse(text.contains("d-cause"), text);
    }

    @Test
    void unknownFieldsAreSaidPlainly() {
        InputSummary bare = new InputSummary(null, null, null, null, null, null, null, null, null, null, null,
                List.of(), false, List.of());
        TriageReport report = report(bare, null, null, List.of(), List.of(), Steps.NONE, List.of());

        String text = SupportBundle.text(report);

        assertContains(text, "Ray ID: not given", "Time of the error: not given", "Host: unknown", "URL: unknown",
                "Error: unknown", "- nothing was probed", "- none identified");
        assertFalse(text.contains("null"), text);
        assertFalse(text.contains("What Cloudflare support asks for"), text);
    }

    @Test
    void a530NamesItsErrorCode() {
        CodeSummary tunnel = new CodeSummary(530, 1033, "Origin error (with a 1xxx code)", "m", "either", "edge", true);
        TriageReport report = report(input(null, null, "Frankfurt", null), tunnel, edge(530, 1033), List.of(), List.of(),
                Steps.NONE, List.of());

        String text = SupportBundle.text(report);

        assertContains(text, "Error: 530 with error 1033 (Origin error (with a 1xxx code))",
                "The edge answers now: 530, error 1033", "Ray ID: not given");
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "missing '" + part + "' in:\n" + text);
        }
    }
}
