package dev.cftriage.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One Slack message ready to post: the fallback text (notifications, screen readers, clients without Block Kit)
 * and the blocks. Slack reads the fallback as mrkdwn, where {@code <!channel>}, {@code <@U…>} and
 * {@code <url|label>} are live, so the record takes it as a person should read it and holds it escaped
 * ({@link SlackText#escape}) and cut to {@link #MAX_TEXT_CHARS}: no text from a user or a probed server can ping
 * or link through it. Blocks are escaped by whoever builds them ({@link BlockKitRenderer}).
 *
 * @param text the fallback text; escaped and cut on construction
 * @param blocks the Block Kit blocks; may be empty
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {
    /** The longest fallback text, after escaping. */
    static final int MAX_TEXT_CHARS = 3000;

    SlackMessage {
        text = SlackText.clipEscaped(SlackText.escape(text), MAX_TEXT_CHARS);
        blocks = List.copyOf(blocks);
    }

    /** A message with only the fallback text (an acknowledgement's answer). */
    static SlackMessage ofText(String text) {
        return new SlackMessage(text, List.of());
    }
}
