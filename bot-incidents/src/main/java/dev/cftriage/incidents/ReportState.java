package dev.cftriage.incidents;

import dev.cftriage.report.Cause;
import dev.cftriage.report.TriageReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a watch compares between runs, taken from a report and stored with the incident, so that a restarted
 * process compares with the last run before the restart: the code, the live edge's answer, each probe's status and
 * the ranked causes with their evidence. Immutable.
 *
 * @param code the code diagnosed, or null
 * @param codeTitle the code's short name, or null
 * @param edgeStatus the HTTP status the edge answered, or null when it gave none or was not probed
 * @param edgeErrorCode the 1xxx code in the edge's body, or null
 * @param edgeProbed true when the edge was probed (the host is behind Cloudflare, or was tried)
 * @param probes each probe's status, in the report's order
 * @param causes the ranked causes, highest first
 * @param evidenceAt when the evidence was collected
 */
public record ReportState(Integer code, String codeTitle, Integer edgeStatus, Integer edgeErrorCode, boolean edgeProbed,
                          List<ProbeState> probes, List<CauseState> causes, Instant evidenceAt) {
    /** How many causes a state keeps: the timeline shows the top ones. */
    static final int CAUSES_KEPT = 10;

    public ReportState {
        probes = probes == null ? List.of() : List.copyOf(probes);
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /** The state of this report. */
    public static ReportState of(TriageReport report) {
        List<ProbeState> probes = new ArrayList<>();
        report.probeLines().forEach(p -> probes.add(new ProbeState(p.name(), p.target(), p.status())));
        List<CauseState> causes = report.causes().stream().limit(CAUSES_KEPT).map(ReportState::cause).toList();
        var edge = report.edge();
        var code = report.code();
        return new ReportState(code == null ? null : code.code(), code == null ? null : code.title(),
                edge == null ? null : edge.status(), edge == null ? null : edge.errorCode(), edge != null, probes,
                causes, report.evidenceAt() != null ? report.evidenceAt() : report.startedAt());
    }

    private static CauseState cause(Cause c) {
        return new CauseState(c.id(), c.title(), c.verified(), c.evidence());
    }

    /** The highest-ranked cause, or null. */
    public CauseState topCause() {
        return causes.isEmpty() ? null : causes.get(0);
    }

    /** True when the edge, if it was probed, answered without a 5xx. */
    public boolean edgeHealthy() {
        return !edgeProbed || (edgeStatus != null && edgeStatus < 500);
    }

    /** True when something is wrong: the edge answers 5xx or nothing, or a probe failed. */
    public boolean troubled() {
        return !edgeHealthy() || probes.stream().anyMatch(ProbeState::failed);
    }

    /**
     * True when the site looks recovered: the edge (if probed) answers without a 5xx and every probe named in
     * {@code failedBefore} now passes.
     */
    public boolean recoveredFrom(List<String> failedBefore) {
        if (!edgeHealthy()) {
            return false;
        }
        for (String key : failedBefore) {
            if (probes.stream().noneMatch(p -> p.key().equals(key) && p.passed())) {
                return false;
            }
        }
        return probes.stream().noneMatch(ProbeState::failed);
    }

    /** One line for people: the code and the top cause, e.g. {@code 521 Web server is down: Origin refused (origin-refused)}. */
    public String verdict() {
        StringBuilder s = new StringBuilder();
        if (code != null) {
            s.append(code).append(codeTitle == null ? "" : " " + codeTitle);
        }
        CauseState top = topCause();
        if (top != null) {
            s.append(s.length() == 0 ? "" : ": ").append(top.title()).append(" (").append(top.id())
                    .append(top.verified() ? ", confirmed" : ", from the code only").append(')');
        }
        if (edgeProbed) {
            s.append(s.length() == 0 ? "" : "; ").append("the edge answers ")
                    .append(edgeStatus == null ? "nothing" : edgeStatus.toString());
        }
        return s.length() == 0 ? "no verdict yet" : s.toString();
    }
}
