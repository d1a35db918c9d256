package dev.cftriage.report;

import dev.cftriage.internal.net.Texts;
import java.util.List;

/**
 * The terminal's default answer: the first screen of a {@link ReportView} — the verdict, what to do first, why,
 * what was not checked, the context, the other candidates in one line each and a compact probe table — in at most
 * {@link #MAX_LINES} lines. {@link TextReport} is the full form ({@code --verbose}). Thread-safe.
 */
public final class FirstScreenText {
    /** The most lines the first screen takes. */
    public static final int MAX_LINES = 25;
    /** The most candidates listed; the rest are counted. */
    static final int MAX_CANDIDATES = 3;
    /** The most probes listed; the rest are counted. */
    static final int MAX_PROBES = 6;
    /** The most "not checked" lines listed; the rest are counted. */
    static final int MAX_NOT_CHECKED = 3;

    private FirstScreenText() {
    }

    /** The first screen of {@code report}. */
    public static String render(TriageReport report) {
        return render(ReportView.of(report));
    }

    /** The first screen of {@code view}. */
    public static String render(ReportView view) {
        StringBuilder out = new StringBuilder();
        out.append(view.headline()).append('\n');
        if (view.nextStep() != null) {
            out.append("Do this first: ").append(view.nextStep()).append('\n');
        }
        list(out, "Why", view.why(), view.why().size());
        list(out, "Not checked", view.notChecked(), MAX_NOT_CHECKED);
        String context = view.context().isEmpty() ? view.freshness() : view.context() + " · " + view.freshness();
        out.append("Evidence: ").append(context).append('\n');
        if (!view.candidates().isEmpty()) {
            out.append("Other candidates:\n");
            for (ReportView.Candidate c : view.candidates().subList(0, Math.min(MAX_CANDIDATES, view.candidates().size()))) {
                out.append("  - ").append(c.certainty().label()).append(": ").append(c.cause().title())
                        .append(" — ").append(c.because()).append('\n');
            }
            more(out, view.candidates().size() - MAX_CANDIDATES, "candidates");
        }
        if (!view.probes().isEmpty()) {
            out.append("Probes:\n");
            for (ReportView.ProbeRow p : view.probes().subList(0, Math.min(MAX_PROBES, view.probes().size()))) {
                out.append(String.format("  %s %-12s %-24s %s%s%n", p.symbol(), p.name(), p.target(),
                        p.reason() == null ? p.status() : p.reason(), p.phaseBar() == null ? "" : "  " + p.phaseBar()));
            }
            more(out, view.probes().size() - MAX_PROBES, "probes");
        }
        out.append("Run with --verbose for every cause with its fix steps, the probe details and the advice.\n");
        return Texts.printable(out.toString());
    }

    private static void list(StringBuilder out, String title, List<String> lines, int max) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append(":\n");
        lines.subList(0, Math.min(max, lines.size())).forEach(l -> out.append("  - ").append(l).append('\n'));
        more(out, lines.size() - max, "more");
    }

    private static void more(StringBuilder out, int hidden, String what) {
        if (hidden > 0) {
            out.append("  … and ").append(hidden).append(what.equals("more") ? " more" : " more " + what).append('\n');
        }
    }
}
