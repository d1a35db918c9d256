package dev.cftriage.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One Slack message ready to post: the plain-text fallback (notifications, screen readers, clients without Block
 * Kit) and the blocks. Both are within Slack's size limits.
 *
 * @param text the fallback text
 * @param blocks the Block Kit blocks; may be empty
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {

    SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
