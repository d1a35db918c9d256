package dev.cftriage.internal.evidence;

import dev.cftriage.internal.net.ClassifiedAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything one probe run saw: the results of every probe planned for a target (run, skipped or blocked), when
 * they ran, and remarks on what could not be checked. Immutable; shared between the triages that asked for the
 * same target at about the same time.
 *
 * @param probes every result, in plan order
 * @param origins the origin addresses the run considered (from DNS, the request or the config), classified,
 *     whether the policy let them be probed or not
 * @param collectedAt when the run started
 * @param notes what could not be checked and why, one line each
 */
public record Evidence(List<ProbeResult> probes, List<ClassifiedAddress> origins, Instant collectedAt, List<String> notes) {

    public Evidence {
        probes = List.copyOf(probes);
        origins = List.copyOf(origins);
        notes = List.copyOf(notes);
    }

    /** Evidence of a triage that probed nothing. */
    public static Evidence none(Instant at, List<String> notes) {
        return new Evidence(List.of(), List.of(), at, notes);
    }

    /** True when at least one probe actually ran (not skipped or blocked). */
    public boolean anyRan() {
        return probes.stream().anyMatch(p -> p.facts() != null);
    }

    /** The facts of a type from every probe that has them, in plan order. */
    public <T extends ProbeFacts> List<T> facts(Class<T> type) {
        return probes.stream().map(p -> p.facts(type)).filter(f -> f != null).toList();
    }

    /** The facts of a type that match a condition. */
    public <T extends ProbeFacts> List<T> facts(Class<T> type, Predicate<? super T> condition) {
        return facts(type).stream().filter(condition).map(type::cast).toList();
    }

    /** The first facts of a type, or null. */
    public <T extends ProbeFacts> T first(Class<T> type) {
        List<T> all = facts(type);
        return all.isEmpty() ? null : all.get(0);
    }
}
