package dev.cftriage.discord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code DISCORD_INCIDENT_CHANNEL} points: a channel id, taken as given, or the name of a text channel (with or
 * without a leading {@code #}), looked up once the session is ready among the text channels the bot can post in,
 * across its guilds: the exact name first, then the name ignoring ASCII case. A name that matches no channel or
 * several is logged in one line and the lookup fails with {@link Unresolved}. Stateless.
 */
final class IncidentChannelSetting {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentChannelSetting.class);

    /** A text channel the bot can post in. */
    record Channel(String guildId, String id, String name) {
    }

    /** The setting names no channel the bot can post in, or several; the message says which and what to do. */
    static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message, null, false, false);
        }
    }

    private IncidentChannelSetting() {
    }

    /**
     * The channel the setting names.
     *
     * @param setting the value, stripped and not blank
     * @param guildId the configured guild ({@code DISCORD_GUILD_ID}), or null: an id's guild
     * @param ready completes with JDA when the session is ready; a name is looked up then, and logged once
     */
    static CompletableFuture<Channel> resolve(String setting, String guildId, CompletableFuture<JDA> ready) {
        if (setting.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return CompletableFuture.completedFuture(new Channel(guildId == null ? "@me" : guildId, setting, null));
        }
        String name = setting.startsWith("#") ? setting.substring(1) : setting;
        CompletableFuture<Channel> channel = ready.thenApply(jda -> choose(name, inGuild(postable(jda), guildId)));
        channel.whenComplete((found, failure) -> {
            if (found != null) {
                LOG.info("{} #{} is channel {} in guild {}", DiscordAlertResponder.CHANNEL_SETTING, found.name(),
                        found.id(), found.guildId());
            } else if (failure != null && failure.getCause() instanceof Unresolved unresolved) {
                LOG.warn("{}: Cloudflare's alerts will not be posted", unresolved.getMessage());
            }
        });
        return channel;
    }

    /** The text channels the bot sees and can post in, in every guild it is in. */
    private static List<Channel> postable(JDA jda) {
        return jda.getTextChannels().stream().filter(TextChannel::canTalk)
                .map(c -> new Channel(c.getGuild().getId(), c.getId(), c.getName())).toList();
    }

    /**
     * The channels of the configured guild when there is one, so that a member of another guild the bot is in cannot
     * catch the alerts with a channel of the same name; every channel when no guild is configured.
     */
    static List<Channel> inGuild(List<Channel> channels, String guildId) {
        return guildId == null ? channels : channels.stream().filter(c -> c.guildId().equals(guildId)).toList();
    }

    /**
     * The one channel named {@code name}: exactly, else ignoring ASCII case.
     *
     * @throws Unresolved when no channel or several have the name
     */
    static Channel choose(String name, List<Channel> channels) {
        List<Channel> exact = channels.stream().filter(c -> c.name().equals(name)).toList();
        List<Channel> found = !exact.isEmpty() ? exact : channels.stream()
                .filter(c -> DiscordSettings.asciiLower(c.name()).equals(DiscordSettings.asciiLower(name))).toList();
        String shown = (name.length() > 100 ? name.substring(0, 100) : name).replaceAll("\\p{Cntrl}", "?");
        if (found.isEmpty()) {
            throw new Unresolved(DiscordAlertResponder.CHANNEL_SETTING + " names #" + shown + ", but the bot sees no text "
                    + "channel by that name it can post in; invite the bot there or give the channel's id");
        }
        if (found.size() > 1) {
            throw new Unresolved(DiscordAlertResponder.CHANNEL_SETTING + " names #" + shown + ", which " + found.size()
                    + " text channels are called (ids " + String.join(", ", found.stream().map(Channel::id).limit(5).toList())
                    + "); give the channel's id instead");
        }
        return found.get(0);
    }
}
