/**
 * The report of a triage and its contract: {@link dev.cftriage.report.TriageReport} and its parts, the JSON form
 * ({@link dev.cftriage.report.ReportJson}), the text form, the lines every renderer shares
 * ({@link dev.cftriage.report.Headlines}, {@link dev.cftriage.report.ProbeLine}), the diff between two runs and the
 * support bundle.
 *
 * <p>Public API.
 */
package dev.cftriage.report;
