package dev.cftriage.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.cftriage.incidents.IncidentChannel;
import dev.cftriage.incidents.RootMessage;
import dev.cftriage.incidents.RootStatus;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Incident mode in Slack: posts in the incident's thread ({@code chat.postMessage} with {@code thread_ts}), updates
 * the status mark of the bot's own message the incident hangs on ({@code chat.update}) and gives the thread's link
 * ({@code chat.getPermalink}). Every text is escaped ({@link SlackMessage}): nothing pings or links. A root's message
 * id is the thread's ts, followed by {@code /} and the ts of the message that carries the mark when that is another
 * message, or by {@code /-} when the bot has none to update (a thread a person started). Thread-safe.
 */
final class SlackIncidentChannel implements IncidentChannel {
    private static final String NO_MARK = "-";

    private final SlackPoster poster;
    private final MethodsClient methods;

    SlackIncidentChannel(SlackPoster poster, MethodsClient methods) {
        this.poster = poster;
        this.methods = methods;
    }

    /** The root of an incident whose thread is {@code threadTs} and whose mark is on {@code markTs} (or none: null). */
    static RootMessage root(String channel, String threadTs, String markTs) {
        return new RootMessage(channel, threadTs.equals(markTs) ? threadTs : threadTs + "/" + (markTs == null ? NO_MARK : markTs));
    }

    static String threadTs(RootMessage root) {
        int slash = root.message().indexOf('/');
        return slash < 0 ? root.message() : root.message().substring(0, slash);
    }

    private static String markTs(RootMessage root) {
        int slash = root.message().indexOf('/');
        String mark = slash < 0 ? root.message() : root.message().substring(slash + 1);
        return NO_MARK.equals(mark) ? null : mark;
    }

    @Override
    public void postInThread(RootMessage root, String key, String text) {
        try {
            ChatPostMessageResponse posted = poster.post(root.channel(), threadTs(root), SlackMessage.ofText(text));
            if (!posted.isOk()) {
                throw new IllegalStateException("chat.postMessage refused: " + SlackText.escape(String.valueOf(posted.getError())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void updateRootStatus(RootMessage root, RootStatus status, String text) {
        String mark = markTs(root);
        if (mark == null) {
            return;
        }
        try {
            poster.update(root.channel(), mark, SlackMessage.ofText(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String permalink(RootMessage root) {
        try {
            ChatGetPermalinkResponse link = methods.chatGetPermalink(r -> r.channel(root.channel()).messageTs(threadTs(root)));
            return link.isOk() ? link.getPermalink() : null;
        } catch (IOException | SlackApiException e) {
            throw new IllegalStateException("chat.getPermalink failed: " + e.getClass().getSimpleName());
        }
    }
}
