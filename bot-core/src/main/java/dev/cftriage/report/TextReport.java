package dev.cftriage.report;

import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.net.Texts;
import java.util.List;

/**
 * The human form of a report, for terminals: a headline, the ranked causes with evidence and numbered fix steps,
 * the probes with their phase timings, the catalog's advice and the notes. Plain text, lines under ~120 columns
 * except for long evidence. Thread-safe.
 */
public final class TextReport {
    private TextReport() {
    }

    /** The report as text. */
    public static String render(TriageReport r) {
        StringBuilder out = new StringBuilder();
        out.append(Headlines.headline(r)).append('\n');
        InputSummary in = r.input();
        String context = Headlines.context(r);
        if (!context.isEmpty()) {
            out.append(context).append('\n');
        }
        if (r.code() != null && r.code().meaning() != null) {
            out.append('\n').append(r.code().meaning()).append('\n');
        }
        if (in.suspicious()) {
            out.append("\n! This paste contradicts itself; it may be a custom or fake page:\n");
            in.warnings().forEach(w -> out.append("  - ").append(w).append('\n'));
        }
        out.append("\nLikely causes").append(r.verified() ? "" : " (nothing could be probed: not verified)").append('\n');
        if (r.causes().isEmpty()) {
            out.append("  none found\n");
        }
        int n = 1;
        for (Cause c : r.causes()) {
            out.append(String.format("%2d. [%.2f %s] %s (%s)%n", n++, c.confidence(),
                    c.verified() ? "seen" : "not verified", c.title(), c.id()));
            if (!c.sources().isEmpty()) {
                out.append("      confirmed by ").append(Headlines.confirmedBy(c)).append('\n');
            }
            c.evidence().forEach(e -> out.append("      seen: ").append(e).append('\n'));
            int step = 1;
            for (String f : c.fix()) {
                out.append("      ").append(step++).append(") ").append(f).append('\n');
            }
        }
        if (r.sslMode() != null) {
            out.append("\nSSL/TLS mode: ").append(Headlines.sslMode(r.sslMode())).append('\n');
            r.sslMode().modes().forEach(m -> out.append(String.format("  %-9s %-8s %s%n", m.mode(),
                    m.works() == null ? "unknown" : m.works() ? "works" : "fails" + (m.predicts() == null ? "" : " " + m.predicts()),
                    m.why())));
        }
        if (!r.probes().isEmpty()) {
            out.append("\nProbes (source in brackets)\n");
            for (ProbeResult p : r.probes()) {
                out.append(String.format("  %-13s %-28s %-7s %6d ms  [%s] %s%n", p.name(), p.target(), p.status().id(),
                        p.durationMs(), p.source().label(), p.reason() == null ? "" : p.reason()));
                String timings = Headlines.timings(p);
                if (timings != null) {
                    out.append(String.format("  %-13s %-28s %s%n", "", "", timings));
                }
            }
        }
        section(out, "What the site owner can do", r.steps().owner());
        section(out, "What a visitor can do", r.steps().visitor());
        section(out, "What to send Cloudflare support", r.steps().support());
        section(out, "Notes", r.notes());
        out.append("\nTriage took ").append(r.elapsedMs()).append(" ms; ").append(Headlines.freshness(r)).append(".\n");
        return Texts.printable(out.toString());
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append('\n');
        lines.forEach(l -> out.append("  - ").append(l).append('\n'));
    }
}
