/**
 * The evidence vocabulary: what a probe is ({@link dev.cftriage.internal.evidence.Probe}, its deadline and budgets),
 * the facts each kind of probe reports (the sealed {@link dev.cftriage.internal.evidence.ProbeFacts}), a probe's
 * result and status, where a fact came from, and the evidence of a whole run.
 */
package dev.cftriage.internal.evidence;
