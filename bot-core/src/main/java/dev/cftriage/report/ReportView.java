package dev.cftriage.report;

import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a reader sees of a report, decided once for every renderer: the verdict first (status mark, code, host, the
 * top cause in words with its certainty), the one thing to do now, why, what was not checked, then the details.
 * Renderers (terminal, Slack, Discord) map these fields to their widgets and decide nothing else. Built by
 * {@link #of}; immutable; no field is null except those documented so.
 *
 * @param mark the status mark
 * @param code the code as people write it ("521", "530 / 1016"), or null when none is known
 * @param host the host or address the report is about, or null
 * @param verdict the top cause in words, or what stands in for it when there is none
 * @param certainty how sure the verdict is
 * @param nextStep the one thing to do first (the top cause's first fix step), or null when nothing is advised
 * @param why one or two lines of evidence behind the verdict (the reason it is only possible, when nothing was seen)
 * @param notChecked what would change the verdict: a changed live code first, then what could not be seen or run
 * @param context Ray ID, data centre, the edge's status now and the error's time, or "" when none is known
 * @param freshness how fresh the evidence is
 * @param confirmed the causes live evidence supports, in full (the top one included)
 * @param candidates the other causes, one line each
 * @param probes one row per probe, in the report's order
 * @param sslMode the SSL/TLS mode line, or null when no mode could be judged
 * @param meaning what the code means, or null
 * @param steps the catalog's advice for the owner, the visitor and support
 */
public record ReportView(Mark mark, String code, String host, String verdict, Certainty certainty, String nextStep,
                         List<String> why, List<String> notChecked, String context, String freshness,
                         List<Cause> confirmed, List<Candidate> candidates, List<ProbeRow> probes, String sslMode,
                         String meaning, Steps steps) {

    /** How the engine's note about a changed live code begins. */
    private static final String LIVE_CODE_NOTE = "the edge answers ";
    /** How many evidence lines "why" shows. */
    private static final int WHY_LINES = 2;

    public ReportView {
        why = List.copyOf(why);
        notChecked = List.copyOf(notChecked);
        confirmed = List.copyOf(confirmed);
        candidates = List.copyOf(candidates);
        probes = List.copyOf(probes);
    }

    /** The status mark in front of the headline. */
    public enum Mark {
        /** Live evidence shows a fault. */
        DOWN("❌"),
        /** The edge answers without a 5xx now and no probe failed. */
        UP("✅"),
        /** Nothing live confirmed the verdict. */
        UNCONFIRMED("⚠️");

        private final String symbol;

        Mark(String symbol) {
            this.symbol = symbol;
        }

        /** The emoji every renderer shows. */
        public String symbol() {
            return symbol;
        }
    }

    /** How sure a verdict is, in words instead of a number that would look calibrated. */
    public enum Certainty {
        /** A live probe or Cloudflare's own account saw it. */
        CONFIRMED("confirmed", "Confirmed"),
        /** Seen indirectly, or the code's most typical cause. */
        LIKELY("likely", "Likely"),
        /** Typical for the code, but nothing checked it. */
        POSSIBLE("possible", "Possible");

        private final String id;
        private final String label;

        Certainty(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The stable id in the JSON report's {@code summary.certainty}. */
        public String id() {
            return id;
        }

        /** The word people read. */
        public String label() {
            return label;
        }

        /** The certainty of a cause: confirmed when seen and strong, likely when seen or strong, else possible. */
        static Certainty of(Cause cause) {
            if (cause.verified() && cause.confidence() >= STRONG) {
                return CONFIRMED;
            }
            return cause.verified() || cause.confidence() >= STRONG ? LIKELY : POSSIBLE;
        }

        /** The confidence from which a cause counts as strong. */
        private static final double STRONG = 0.5;
    }

    /**
     * A cause that is not the verdict, in one line.
     *
     * @param cause the cause (its fix steps are shown on demand)
     * @param certainty how sure it is
     * @param because why it is possible: its first evidence line, or that the code typically has this cause
     */
    public record Candidate(Cause cause, Certainty certainty, String because) {
    }

    /**
     * One probe in the compact table.
     *
     * @param name the probe kind
     * @param target what it probed
     * @param passed true when it passed, false when it found a fault, null when it did not run or could not finish
     * @param status the status id ({@code ok}, {@code fail}, {@code skipped}, {@code blocked}, {@code error})
     * @param durationMs how long it ran
     * @param phaseBar the HTTP phases drawn in text, or null when no HTTP exchange connected
     * @param reason one line for people
     */
    public record ProbeRow(String name, String target, Boolean passed, String status, long durationMs,
                           String phaseBar, String reason) {

        /** ✅ passed, ❌ failed, ➖ did not run or could not finish. */
        public String symbol() {
            return passed == null ? "➖" : passed ? "✅" : "❌";
        }
    }

    /** The view of {@code r}. */
    public static ReportView of(TriageReport r) {
        Objects.requireNonNull(r, "report");
        Cause top = r.topCause();
        List<Cause> confirmed = r.causes().stream().filter(Cause::verified).toList();
        List<Candidate> candidates = r.causes().stream().filter(c -> c != top)
                .map(c -> new Candidate(c, Certainty.of(c), because(c, r))).toList();
        List<ProbeRow> probes = r.probes().stream().map(ReportView::row).toList();
        return new ReportView(mark(r), code(r), r.input().host(), verdict(r), top == null ? Certainty.POSSIBLE
                : Certainty.of(top), nextStep(r), why(r), notChecked(r), Headlines.context(r), Headlines.freshness(r),
                confirmed, candidates, probes, r.sslMode() == null ? null : Headlines.sslMode(r.sslMode()),
                r.code() == null ? null : r.code().meaning(), r.steps());
    }

    /** The first line every renderer shows: "❌ 521 · 203.0.113.5 — The origin refuses connections (Confirmed)". */
    public String headline() {
        StringBuilder s = new StringBuilder(mark.symbol()).append(' ');
        if (code != null) {
            s.append(code).append(" · ");
        }
        if (host != null) {
            s.append(host).append(" — ");
        }
        return s.append(verdict).append(" (").append(certainty.label()).append(')').toString();
    }

    private static Mark mark(TriageReport r) {
        boolean failed = r.probes().stream().anyMatch(p -> p.status() == ProbeStatus.FAIL);
        EdgeSummary edge = r.edge();
        if (edge != null && edge.status() != null && edge.status() < 500 && !edge.challenged() && !failed) {
            return Mark.UP;
        }
        return r.causes().stream().anyMatch(Cause::verified) ? Mark.DOWN : Mark.UNCONFIRMED;
    }

    private static String code(TriageReport r) {
        if (r.code() == null || r.code().code() == null) {
            return null;
        }
        return r.code().code() + (r.code().errorCode() == null ? "" : " / " + r.code().errorCode());
    }

    private static String verdict(TriageReport r) {
        Cause top = r.topCause();
        if (top != null) {
            return top.title();
        }
        if (r.code() != null && r.code().title() != null) {
            return r.code().title() + ": no cause found";
        }
        return "Nothing to diagnose: no error code and no evidence of a fault";
    }

    private static String nextStep(TriageReport r) {
        Cause top = r.topCause();
        if (top != null && !top.fix().isEmpty()) {
            return top.fix().get(0);
        }
        return r.steps().owner().isEmpty() ? null : r.steps().owner().get(0);
    }

    private static List<String> why(TriageReport r) {
        Cause top = r.topCause();
        if (top == null) {
            return List.of();
        }
        if (!top.evidence().isEmpty()) {
            return top.evidence().subList(0, Math.min(WHY_LINES, top.evidence().size()));
        }
        return List.of(typical(r));
    }

    private static String because(Cause c, TriageReport r) {
        return c.evidence().isEmpty() ? typical(r) : c.evidence().get(0);
    }

    private static String typical(TriageReport r) {
        String code = code(r);
        return code == null ? "a common cause; no live evidence checked it"
                : "a common cause of " + code + "; no live evidence checked it";
    }

    /**
     * What would change the verdict: the engine's note that the live edge answers another code (it leads), its other
     * notes (a hidden origin and how to reveal it, sources that could not be asked), and probes that could not finish.
     */
    private static List<String> notChecked(TriageReport r) {
        Set<String> lines = new LinkedHashSet<>();
        r.notes().stream().filter(n -> n.startsWith(LIVE_CODE_NOTE)).forEach(lines::add);
        lines.addAll(r.notes());
        for (ProbeResult p : r.probes()) {
            if (p.status() == ProbeStatus.ERROR) {
                lines.add(p.name() + " " + p.target() + " could not finish: " + p.reason());
            }
        }
        if (!r.verified()) {
            lines.add("nothing could be probed, so no cause is confirmed");
        }
        return new ArrayList<>(lines);
    }

    private static ProbeRow row(ProbeResult p) {
        Boolean passed = switch (p.status()) {
            case OK -> Boolean.TRUE;
            case FAIL -> Boolean.FALSE;
            case SKIPPED, BLOCKED, ERROR -> null;
        };
        return new ProbeRow(p.name(), p.target(), passed, p.status().id(), p.durationMs(), PhaseBar.of(p), p.reason());
    }
}
