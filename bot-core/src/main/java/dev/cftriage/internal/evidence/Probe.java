package dev.cftriage.internal.evidence;

/**
 * One check against one target: the single signature every prober implements. The engine owns the deadline,
 * the timing and the executor; a probe only does its work, giving every blocking call at most
 * {@link ProbeContext#usableMillis()}, and returns the facts it saw. A probe that may still be waiting when the
 * deadline comes tells {@link ProbeContext#reportSoFar} what it has seen, so that the engine, which stops waiting
 * at the deadline, keeps those facts. A fault in the target (refused, timed out, bad certificate)
 * is a fact, not an exception: a probe throws only when it could not do its work at all.
 *
 * <p>Implementations are immutable and safe to run from any thread.
 */
public interface Probe {

    /** The probe kind: what the report names it and where its facts come from. */
    ProbeKind kind();

    /** What is probed, as the report shows it, e.g. {@code 192.0.2.1:443}. */
    String target();

    /** Runs the check and returns what it saw. */
    ProbeFacts run(ProbeContext context) throws Exception;
}
