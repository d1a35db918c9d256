package dev.cftriage.incidents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two stored states of one incident, in the words a watch posts: the live edge's code, each
 * probe that flips, causes confirmed or ruled out, and the top cause. Unlike {@code ReportDiff}, which compares two
 * reports held in memory, this compares stored states, so it works across restarts; a cause's confidence or a
 * probe's timing changing is not a change. Pure and thread-safe.
 */
final class StateChanges {
    private StateChanges() {
    }

    /** The changes from {@code before} to {@code after}, one line each; empty when nothing that matters changed. */
    static List<String> between(ReportState before, ReportState after) {
        List<String> lines = new ArrayList<>();
        if (!Objects.equals(before.edgeStatus(), after.edgeStatus()) || before.edgeProbed() != after.edgeProbed()) {
            lines.add("the edge answers " + edge(after) + " (was " + edge(before) + ")");
        } else if (!Objects.equals(before.edgeErrorCode(), after.edgeErrorCode())) {
            lines.add("the edge's error code is " + orNone(after.edgeErrorCode()) + " (was " + orNone(before.edgeErrorCode()) + ")");
        }
        Map<String, ProbeState> old = probes(before);
        probes(after).forEach((key, probe) -> {
            ProbeState was = old.get(key);
            if (was != null && !was.status().equals(probe.status())) {
                lines.add(key + ": " + was.status() + " → " + probe.status());
            } else if (was == null && (probe.failed() || probe.passed())) {
                lines.add(key + ": newly probed, " + probe.status());
            }
        });
        Map<String, CauseState> oldCauses = causes(before);
        Map<String, CauseState> newCauses = causes(after);
        newCauses.forEach((id, cause) -> {
            CauseState was = oldCauses.get(id);
            if (cause.verified() && (was == null || !was.verified())) {
                lines.add("confirmed: " + cause.title() + " (" + id + ")");
            }
        });
        oldCauses.forEach((id, cause) -> {
            CauseState now = newCauses.get(id);
            if (cause.verified() && (now == null || !now.verified())) {
                lines.add("ruled out: " + cause.title() + " (" + id + ")");
            }
        });
        String topBefore = before.topCause() == null ? null : before.topCause().id();
        String topAfter = after.topCause() == null ? null : after.topCause().id();
        if (!Objects.equals(topBefore, topAfter)) {
            lines.add("top cause: " + orNone(topAfter) + " (was " + orNone(topBefore) + ")");
        }
        return List.copyOf(lines);
    }

    private static String edge(ReportState s) {
        if (!s.edgeProbed()) {
            return "nothing (not probed)";
        }
        return s.edgeStatus() == null ? "nothing" : s.edgeStatus()
                + (s.edgeErrorCode() == null ? "" : " (error " + s.edgeErrorCode() + ")");
    }

    private static Map<String, ProbeState> probes(ReportState s) {
        Map<String, ProbeState> map = new LinkedHashMap<>();
        s.probes().forEach(p -> map.putIfAbsent(p.key(), p));
        return map;
    }

    private static Map<String, CauseState> causes(ReportState s) {
        Map<String, CauseState> map = new LinkedHashMap<>();
        s.causes().forEach(c -> map.putIfAbsent(c.id(), c));
        return map;
    }

    private static String orNone(Object value) {
        return value == null ? "none" : value.toString();
    }
}
