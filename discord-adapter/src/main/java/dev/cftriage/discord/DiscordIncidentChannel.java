package dev.cftriage.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cftriage.incidents.IncidentChannel;
import dev.cftriage.incidents.RootMessage;
import dev.cftriage.incidents.RootStatus;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Incident mode in Discord: posts in the thread on the incident's message (a thread started on a message has the
 * message's id; it is started when missing), edits the message's text to its status mark and gives its URL. Every
 * text is escaped ({@link DiscordMarkdown}) and pings no one. A root's channel is {@code guildId/channelId}.
 * Thread-safe.
 */
final class DiscordIncidentChannel implements IncidentChannel {
    private final DiscordRest rest;

    DiscordIncidentChannel(DiscordRest rest) {
        this.rest = rest;
    }

    /** The root of an incident hung on the message. */
    static RootMessage root(String guildId, String channelId, String messageId) {
        return new RootMessage(guildId + "/" + channelId, messageId);
    }

    static String channelId(RootMessage root) {
        return root.channel().substring(root.channel().indexOf('/') + 1);
    }

    @Override
    public void postInThread(RootMessage root, String key, String text) {
        ObjectNode message = DiscordRest.message(EmbedRenderer.clip(DiscordMarkdown.text(text), 2000))
                .put("nonce", nonce(key)).put("enforce_nonce", true);
        try {
            rest.post(root.message(), message);
        } catch (DiscordRest.NotFound noThreadYet) {
            rest.post(rest.startThread(channelId(root), root.message(), "cf-triage incident"), message);
        }
    }

    /** Discord's nonce (at most 25 characters) for a post's stable key: Discord drops a second post with it. */
    static String nonce(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 25);
    }

    @Override
    public void updateRootStatus(RootMessage root, RootStatus status, String text) {
        rest.edit(channelId(root), root.message(), DiscordMarkdown.text(text));
    }

    @Override
    public String permalink(RootMessage root) {
        int slash = root.channel().indexOf('/');
        return "https://discord.com/channels/" + root.channel().substring(0, slash) + "/" + channelId(root) + "/"
                + root.message();
    }
}
