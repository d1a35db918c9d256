package dev.cftriage.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.cftriage.TriageRequest;
import dev.cftriage.chat.FirstScreen;
import dev.cftriage.incidents.AlertResponder;
import dev.cftriage.incidents.Filed;
import dev.cftriage.incidents.RootMessage;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.TriageReport;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Cloudflare's alerts in Slack: each opens a message in {@code SLACK_INCIDENT_CHANNEL} (a channel id), the report
 * goes in its thread with the incident buttons. Every text is escaped ({@link SlackMessage}). Thread-safe.
 */
final class SlackAlertResponder implements AlertResponder {
    /** The setting naming the incident channel (a channel id). */
    static final String CHANNEL_SETTING = "SLACK_INCIDENT_CHANNEL";

    private final SlackPoster poster;
    private final String channel;

    SlackAlertResponder(SlackPoster poster, String channel) {
        this.poster = poster;
        this.channel = channel;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public RootMessage postRoot(String line) {
        ChatPostMessageResponse posted = post(null, SlackMessage.ofText(line));
        return SlackIncidentChannel.root(channel, posted.getTs(), posted.getTs());
    }

    @Override
    public void postReport(RootMessage root, TriageRequest request, TriageReport report, Filed filed) {
        post(SlackIncidentChannel.threadTs(root), SlackIncidents.withButtons(
                BlockKitRenderer.inThread(ReportView.of(report), null, FirstScreen.CHAT, ReportButtons.value(report)),
                filed.memory().token()));
    }

    @Override
    public void postInThread(RootMessage root, String line) {
        post(SlackIncidentChannel.threadTs(root), SlackMessage.ofText(line));
    }

    @Override
    public void postNotice(String line) {
        post(null, SlackMessage.ofText(line));
    }

    private ChatPostMessageResponse post(String threadTs, SlackMessage message) {
        try {
            ChatPostMessageResponse posted = poster.post(channel, threadTs, message);
            if (!posted.isOk()) {
                throw new IllegalStateException("chat.postMessage refused in the incident channel");
            }
            return posted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
