package dev.cftriage.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cftriage.TriageRequest;
import dev.cftriage.chat.FirstScreen;
import dev.cftriage.incidents.AlertResponder;
import dev.cftriage.incidents.Filed;
import dev.cftriage.incidents.RootMessage;
import dev.cftriage.report.TriageReport;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * Cloudflare's alerts in Discord: each opens a message in {@code DISCORD_INCIDENT_CHANNEL} (a channel id), the report
 * (its embed, with the incident buttons) goes in a thread on it. Every text is escaped ({@link DiscordMarkdown}) and
 * pings no one. Thread-safe.
 */
final class DiscordAlertResponder implements AlertResponder {
    /** The setting naming the incident channel (its id). */
    static final String CHANNEL_SETTING = "DISCORD_INCIDENT_CHANNEL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DiscordRest rest;
    private final String guildId;
    private final String channel;

    DiscordAlertResponder(DiscordRest rest, String guildId, String channel) {
        this.rest = rest;
        this.guildId = guildId == null ? "@me" : guildId;
        this.channel = channel;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public RootMessage postRoot(String line) {
        return DiscordIncidentChannel.root(guildId, channel, rest.post(channel, message(line)));
    }

    @Override
    public void postReport(RootMessage root, TriageRequest request, TriageReport report, Filed filed) {
        ObjectNode message = DiscordRest.message("");
        try {
            message.putArray("embeds").add(JSON.readTree(EmbedRenderer.render(report, null, FirstScreen.CHAT).embed().toData().toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JDA's embed is JSON", e);
        }
        ArrayNode buttons = message.putArray("components").addObject().put("type", 1).putArray("components");
        for (Button b : DiscordIncidents.buttons(filed.memory().token())) {
            buttons.addObject().put("type", 2).put("style", b.getStyle().getKey()).put("label", b.getLabel())
                    .put("custom_id", b.getCustomId());
        }
        rest.post(thread(root), message);
    }

    @Override
    public void postInThread(RootMessage root, String line) {
        rest.post(thread(root), message(line));
    }

    @Override
    public void postNotice(String line) {
        rest.post(channel, message(line));
    }

    /** The thread on the root message, started when missing (its id is the message's). */
    private String thread(RootMessage root) {
        try {
            rest.startThread(channel, root.message(), "cf-triage alert");
        } catch (DiscordRest.NotFound | java.io.UncheckedIOException alreadyThere) {
            // the thread exists already (or cannot be started); posting says which
        }
        return root.message();
    }

    private static ObjectNode message(String line) {
        return DiscordRest.message(EmbedRenderer.clip(DiscordMarkdown.text(line), 2000));
    }
}
