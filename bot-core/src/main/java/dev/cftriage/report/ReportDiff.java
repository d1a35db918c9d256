package dev.cftriage.report;

import dev.cftriage.internal.evidence.ProbeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two triages of the same target, for the chat adapters' "Re-run probes" button. Pure and
 * thread-safe.
 */
public final class ReportDiff {
    private ReportDiff() {
    }

    /**
     * The changes from {@code before} to {@code after}, one line each, in this order: the edge's status and 1xxx
     * code, each probe's status (matched by name and target, e.g. {@code origin-tcp 192.0.2.1:443: fail → ok}),
     * the top cause, then causes that appeared and causes that disappeared.
     *
     * @return the lines; empty when nothing changed (the caller says so)
     */
    public static List<String> changes(TriageReport before, TriageReport after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<String> lines = new ArrayList<>();
        edge(before.edge(), after.edge(), lines);
        probes(before.probes(), after.probes(), lines);
        causes(before, after, lines);
        return List.copyOf(lines);
    }

    private static void edge(EdgeSummary before, EdgeSummary after, List<String> lines) {
        if (before == null && after == null) {
            return;
        }
        if (before == null || after == null) {
            lines.add("edge: " + edgeState(before) + " → " + edgeState(after));
            return;
        }
        if (!Objects.equals(before.status(), after.status())) {
            lines.add("edge status: " + orNone(before.status()) + " → " + orNone(after.status()));
        }
        if (!Objects.equals(before.errorCode(), after.errorCode())) {
            lines.add("edge error code: " + orNone(before.errorCode()) + " → " + orNone(after.errorCode()));
        }
    }

    private static String edgeState(EdgeSummary edge) {
        if (edge == null) {
            return "not probed";
        }
        return edge.status() == null ? "no response" : edge.status()
                + (edge.errorCode() == null ? "" : " (error " + edge.errorCode() + ")");
    }

    private static void probes(List<ProbeResult> before, List<ProbeResult> after, List<String> lines) {
        Map<String, ProbeResult> old = byKey(before, ReportDiff::probeKey);
        Map<String, ProbeResult> now = byKey(after, ReportDiff::probeKey);
        now.forEach((key, probe) -> {
            ProbeResult was = old.get(key);
            if (was == null) {
                lines.add(key + ": newly probed, " + probe.status().id());
            } else if (was.status() != probe.status()) {
                lines.add(key + ": " + was.status().id() + " → " + probe.status().id());
            }
        });
        old.forEach((key, probe) -> {
            if (!now.containsKey(key)) {
                lines.add(key + ": no longer probed (was " + probe.status().id() + ")");
            }
        });
    }

    private static String probeKey(ProbeResult probe) {
        return probe.name() + " " + probe.target();
    }

    private static void causes(TriageReport before, TriageReport after, List<String> lines) {
        String topBefore = before.topCause() == null ? null : before.topCause().id();
        String topAfter = after.topCause() == null ? null : after.topCause().id();
        if (!Objects.equals(topBefore, topAfter)) {
            lines.add("top cause: " + orNone(topBefore) + " → " + orNone(topAfter));
        }
        Map<String, Cause> old = byKey(before.causes(), Cause::id);
        Map<String, Cause> now = byKey(after.causes(), Cause::id);
        now.forEach((id, cause) -> {
            if (!old.containsKey(id)) {
                lines.add("new cause: " + id + " (" + cause.title() + ")");
            }
        });
        old.forEach((id, cause) -> {
            if (!now.containsKey(id)) {
                lines.add("cause gone: " + id + " (" + cause.title() + ")");
            }
        });
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(key.apply(item), item));
        return map;
    }

    private static String orNone(Object value) {
        return value == null ? "none" : value.toString();
    }
}
