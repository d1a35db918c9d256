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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * Cloudflare's alerts in Discord: each opens a message in {@code DISCORD_INCIDENT_CHANNEL} (a channel id or name, see
 * {@link IncidentChannelSetting}), the report (its embed, with the incident buttons) goes in a thread on it. Every text
 * is escaped ({@link DiscordMarkdown}) and pings no one. A post waits for a name to be looked up (until the session is
 * ready, at most {@code wait}) and throws when it names no channel, so the alert is logged as not handled.
 * Thread-safe.
 */
final class DiscordAlertResponder implements AlertResponder {
    /** The setting naming the incident channel: its id, or its name with or without {@code #}. */
    static final String CHANNEL_SETTING = "DISCORD_INCIDENT_CHANNEL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DiscordRest rest;
    private final String setting;
    private final CompletableFuture<IncidentChannelSetting.Channel> channel;
    private final Duration wait;

    /**
     * @param setting the setting's value, as the timeline names the channel until it is found
     * @param channel the channel it names, from {@link IncidentChannelSetting#resolve}
     * @param wait how long a post waits for the channel to be found
     */
    DiscordAlertResponder(DiscordRest rest, String setting, CompletableFuture<IncidentChannelSetting.Channel> channel,
                          Duration wait) {
        this.rest = rest;
        this.setting = setting;
        this.channel = channel;
        this.wait = wait;
    }

    @Override
    public String channel() {
        IncidentChannelSetting.Channel found = channel.getNow(null);
        return found == null ? setting : found.id();
    }

    @Override
    public RootMessage postRoot(String line) {
        IncidentChannelSetting.Channel target = target();
        return DiscordIncidentChannel.root(target.guildId(), target.id(), rest.post(target.id(), message(line)));
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
        rest.post(target().id(), message(line));
    }

    /**
     * The incident channel, once found.
     *
     * @throws IncidentChannelSetting.Unresolved when the setting names no channel the bot can post in, or several
     * @throws IllegalStateException when no session became ready within the wait
     */
    private IncidentChannelSetting.Channel target() {
        try {
            return channel.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IncidentChannelSetting.Unresolved unresolved ? unresolved
                    : new IllegalStateException(CHANNEL_SETTING + " was not looked up: no Discord session");
        } catch (TimeoutException e) {
            throw new IllegalStateException(CHANNEL_SETTING + " was not looked up: no Discord session yet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + CHANNEL_SETTING);
        }
    }

    /** The thread on the root message, started when missing (its id is the message's). */
    private String thread(RootMessage root) {
        try {
            rest.startThread(DiscordIncidentChannel.channelId(root), root.message(), "cf-triage alert");
        } catch (DiscordRest.NotFound | java.io.UncheckedIOException alreadyThere) {
            // the thread exists already (or cannot be started); posting says which
        }
        return root.message();
    }

    private static ObjectNode message(String line) {
        return DiscordRest.message(EmbedRenderer.clip(DiscordMarkdown.text(line), 2000));
    }
}
