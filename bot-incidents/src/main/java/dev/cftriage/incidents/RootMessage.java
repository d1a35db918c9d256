package dev.cftriage.incidents;

/**
 * The channel message an incident hangs on: its thread gets the watch's posts and its status mark is updated.
 *
 * @param channel the platform's channel id
 * @param message the platform's id of the message (Slack: its {@code ts}; Discord: the message id)
 */
public record RootMessage(String channel, String message) {

    public RootMessage {
        if (channel == null || channel.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a root message needs a channel and a message id");
        }
        channel = Texts.clip(channel, 200);
        message = Texts.clip(message, 200);
    }
}
