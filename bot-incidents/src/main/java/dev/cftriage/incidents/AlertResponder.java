package dev.cftriage.incidents;

import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;

/**
 * The chat platform as the Cloudflare alerts webhook uses it: the incident channel it posts in. Texts are plain; the
 * implementation escapes them for its markup and never pings anyone. Called from the webhook's worker thread; a call
 * that fails throws and the alert is logged as not handled.
 */
public interface AlertResponder {

    /** The incident channel's id (or name), as the timeline names it. */
    String channel();

    /** Posts the line as a new message in the incident channel; the message an incident hangs on. */
    RootMessage postRoot(String line);

    /** Posts the report in the root's thread, with the buttons of {@code filed} (its token), and sets the root's verdict. */
    void postReport(RootMessage root, TriageRequest request, TriageReport report, Filed filed);

    /** Posts one plain line in the root's thread. */
    void postInThread(RootMessage root, String line);

    /** Posts one plain line in the incident channel (an alert incident mode does not understand). */
    void postNotice(String line);
}
