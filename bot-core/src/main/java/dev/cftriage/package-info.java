/**
 * The engine: {@link dev.cftriage.CfTriage} runs a triage for a {@link dev.cftriage.TriageRequest} and returns a
 * {@link dev.cftriage.report.TriageReport}; a {@link dev.cftriage.TriageListener} hears its probe runs and triages.
 *
 * <p>Public API, with {@code input}, {@code report}, {@code config}, {@code chat} and {@code cli}. Everything under
 * {@code dev.cftriage.internal} is bot-core's own and may change in any release.
 */
package dev.cftriage;
