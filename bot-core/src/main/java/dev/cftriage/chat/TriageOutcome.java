package dev.cftriage.chat;

import dev.cftriage.report.TriageReport;

/** How a chat triage ended: a report, or the failure to tell the user. */
public sealed interface TriageOutcome {

    /** The triage produced a report. */
    record Answered(TriageReport report) implements TriageOutcome {
    }

    /** The triage produced no report; {@link ChatFailure#line()} is what to tell the user. */
    record Failed(ChatFailure failure) implements TriageOutcome {
    }
}
