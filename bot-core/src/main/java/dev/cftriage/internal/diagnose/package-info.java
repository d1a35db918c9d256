/**
 * From evidence to causes: the {@link dev.cftriage.internal.diagnose.Diagnoser} runs the cause rules (one
 * {@code CauseRule} per family of causes) over the paste and the probes' facts and ranks what they find.
 */
package dev.cftriage.internal.diagnose;
