package dev.cftriage.report;

import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.ProbeResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The plain text to hand Cloudflare support for one triage: the request's identity (Ray ID, time in UTC, host,
 * URL, code), what cf-triage probed and saw, the top causes, the catalog's support checklist for the code, and the
 * MTR and traceroute commands to run from the origin. Built from the report alone, so it holds nothing but what
 * the report holds (no configuration, no secrets). Pure and thread-safe.
 */
public final class SupportBundle {
    /** How many of the ranked causes the bundle lists. */
    static final int TOP_CAUSES = 3;
    /** What the commands say when no Cloudflare edge address is known. */
    static final String EDGE_FALLBACK = "<a Cloudflare IP from your origin's logs>";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SupportBundle() {
    }

    /** The bundle's text, lines separated by {@code \n}. */
    public static String text(TriageReport report) {
        Objects.requireNonNull(report, "report");
        StringBuilder out = new StringBuilder("Cloudflare support details (collected by cf-triage)\n");
        identity(report, out);
        probes(report, out);
        causes(report, out);
        checklist(report, out);
        path(report, out);
        if (!report.notes().isEmpty()) {
            out.append("\nNotes:\n");
            report.notes().forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static void identity(TriageReport report, StringBuilder out) {
        InputSummary input = report.input();
        EdgeSummary edge = report.edge();
        out.append("Ray ID: ").append(rayId(input)).append('\n');
        if (edge != null && edge.rayId() != null) {
            out.append("Ray ID of cf-triage's own request: ").append(edge.rayId())
                    .append(edge.colo() == null ? "" : "-" + edge.colo()).append('\n');
        }
        out.append("Time of the error: ").append(input.time() == null
                ? "not given (tell support when it happened, with the timezone)" : UTC.format(input.time())).append('\n');
        out.append("Probed at: ").append(UTC.format(evidenceTime(report))).append('\n');
        out.append("Host: ").append(orUnknown(input.host())).append('\n');
        out.append("URL: ").append(orUnknown(input.url())).append('\n');
        out.append("Error: ").append(code(report.code())).append('\n');
        if (edge != null) {
            out.append("The edge answers now: ").append(edge.status() == null ? "no response" : edge.status())
                    .append(edge.errorCode() == null ? "" : ", error " + edge.errorCode())
                    .append(edge.cfErrorType() == null ? "" : ", cf-error-type " + edge.cfErrorType())
                    .append(edge.challenged() ? ", a challenge page" : "").append('\n');
        }
    }

    private static String rayId(InputSummary input) {
        if (input.rayId() == null) {
            return "not given (use the one on the error page or in the cf-ray header)";
        }
        StringBuilder s = new StringBuilder(input.rayId());
        if (input.colo() != null || input.coloCity() != null) {
            s.append(" (").append(input.colo() == null ? input.coloCity()
                    : input.colo() + (input.coloCity() == null ? "" : ", " + input.coloCity())).append(')');
        }
        return s.toString();
    }

    private static Instant evidenceTime(TriageReport report) {
        return report.evidenceAt() != null ? report.evidenceAt() : report.startedAt();
    }

    private static String code(CodeSummary code) {
        if (code == null || code.code() == null) {
            return "unknown";
        }
        StringBuilder s = new StringBuilder(code.code().toString());
        if (code.errorCode() != null && !code.errorCode().equals(code.code())) {
            s.append(" with error ").append(code.errorCode());
        }
        if (code.title() != null) {
            s.append(" (").append(code.title()).append(')');
        }
        return s.toString();
    }

    private static void probes(TriageReport report, StringBuilder out) {
        out.append("\nWhat cf-triage checked:\n");
        if (report.probes().isEmpty()) {
            out.append("- nothing was probed\n");
        }
        for (ProbeResult probe : report.probes()) {
            out.append("- ").append(probe.name()).append(' ').append(probe.target()).append(": ")
                    .append(probe.status().id()).append(probe.reason() == null ? "" : " — " + probe.reason()).append('\n');
        }
    }

    private static void causes(TriageReport report, StringBuilder out) {
        out.append("\nLikely causes:\n");
        List<Cause> top = report.causes().stream().limit(TOP_CAUSES).toList();
        if (top.isEmpty()) {
            out.append("- none identified\n");
        }
        for (int i = 0; i < top.size(); i++) {
            Cause cause = top.get(i);
            out.append(i + 1).append(". ").append(cause.title()).append(" [").append(cause.id()).append(", ")
                    .append(Math.round(cause.confidence() * 100)).append("%, ")
                    .append(cause.verified() ? "seen in the probes" : "from the error code only").append("]\n");
            cause.evidence().forEach(line -> out.append("   - ").append(line).append('\n'));
        }
    }

    private static void checklist(TriageReport report, StringBuilder out) {
        List<String> support = report.steps() == null ? List.of() : report.steps().support();
        if (support.isEmpty()) {
            return;
        }
        out.append("\nWhat Cloudflare support asks for").append(report.code() == null || report.code().code() == null
                ? "" : " with a " + report.code().code()).append(":\n");
        support.forEach(step -> out.append("- ").append(step).append('\n'));
    }

    private static void path(TriageReport report, StringBuilder out) {
        String edge = edgeAddress(report.probes());
        out.append("\nFrom the origin, trace the path to a Cloudflare edge address and attach the output:\n")
                .append("  mtr -rwzbc 100 ").append(edge).append('\n')
                .append("  traceroute -T -p 443 ").append(edge).append('\n');
    }

    /** The first Cloudflare address the dns probe saw, or the fallback wording. */
    private static String edgeAddress(List<ProbeResult> probes) {
        return probes.stream()
                .map(p -> p.facts(DnsFacts.class))
                .filter(Objects::nonNull)
                .flatMap(f -> f.addresses().stream())
                .filter(a -> a.category() == AddressCategory.CLOUDFLARE)
                .map(ClassifiedAddress::address)
                .findFirst()
                .orElse(EDGE_FALLBACK);
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
