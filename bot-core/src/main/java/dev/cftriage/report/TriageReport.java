package dev.cftriage.report;

import dev.cftriage.internal.evidence.ProbeResult;
import java.time.Instant;
import java.util.List;

/**
 * The result of one triage: the public contract that the CLI's JSON, the chat renderers and external checks read.
 * Fields are only ever added, never renamed.
 *
 * @param input what the input said
 * @param code the code diagnosed, with its meaning, or null when no code is known
 * @param edge what the live edge said, or null when it was not probed
 * @param probes every probe planned, in a stable order, including those skipped or blocked
 * @param causes the likely causes, highest confidence first
 * @param steps the catalog's general advice for the code
 * @param verified true when at least one probe ran
 * @param notes what could not be checked and why, and other remarks, one line each
 * @param startedAt when the triage started
 * @param evidenceAt when the probe evidence was collected: earlier than {@code startedAt} when a recent run for the
 *     same target was shared (its age tells how fresh the evidence is)
 * @param elapsedMs how long the whole triage took
 * @param sslMode which SSL/TLS mode the origin serves and the error points to, and the zone's mode from the API; null
 *     when no origin probe ran and the API did not say
 */
public record TriageReport(
        InputSummary input,
        CodeSummary code,
        EdgeSummary edge,
        List<ProbeResult> probes,
        List<Cause> causes,
        Steps steps,
        boolean verified,
        List<String> notes,
        Instant startedAt,
        Instant evidenceAt,
        long elapsedMs,
        SslModeSummary sslMode) {

    public TriageReport {
        probes = List.copyOf(probes);
        causes = List.copyOf(causes);
        notes = List.copyOf(notes);
    }

    /** A report without the SSL mode section (the first release's form). */
    public TriageReport(InputSummary input, CodeSummary code, EdgeSummary edge, List<ProbeResult> probes,
                        List<Cause> causes, Steps steps, boolean verified, List<String> notes, Instant startedAt,
                        Instant evidenceAt, long elapsedMs) {
        this(input, code, edge, probes, causes, steps, verified, notes, startedAt, evidenceAt, elapsedMs, null);
    }

    /** The probes as renderers list them, in the order of {@link #probes()}. */
    public List<ProbeLine> probeLines() {
        return probes.stream().map(ProbeLine::of).toList();
    }

    /** The highest-ranked cause, or null when there is none. */
    public Cause topCause() {
        return causes.isEmpty() ? null : causes.get(0);
    }
}
