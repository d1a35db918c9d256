package dev.cftriage.discord;

import dev.cftriage.input.BadInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Discord side of the bot's settings, read from the environment. The token is kept out of {@link #toString()}.
 *
 * @param token the bot token ({@code DISCORD_TOKEN}); never logged
 * @param apiUrl the REST base URL ({@code DISCORD_API_URL}), or null for Discord's
 * @param gatewayUrl the gateway URL ({@code DISCORD_GATEWAY_URL}), or null for Discord's
 * @param guildId the guild to register the commands in ({@code DISCORD_GUILD_ID}, instant), or null for global
 * @param supportChannels ids and lower-case names of the channels watched for pasted errors
 *     ({@code DISCORD_SUPPORT_CHANNELS=123,help-desk})
 * @param messageContent false when {@code DISCORD_MESSAGE_CONTENT=false}: the privileged intent is not asked for
 */
record DiscordSettings(String token, String apiUrl, String gatewayUrl, String guildId, Set<String> supportChannels,
                       boolean messageContent) {

    DiscordSettings {
        supportChannels = Set.copyOf(supportChannels);
    }

    /**
     * Reads the settings.
     *
     * @throws BadInputException when {@code DISCORD_TOKEN} is missing or a value is malformed
     */
    static DiscordSettings fromEnv(Map<String, String> env) {
        String token = value(env, "DISCORD_TOKEN");
        if (token == null) {
            throw new BadInputException("DISCORD_TOKEN is not set: put the bot token from the Developer Portal there");
        }
        String guild = value(env, "DISCORD_GUILD_ID");
        if (guild != null && !guild.chars().allMatch(Character::isDigit)) {
            throw new BadInputException("DISCORD_GUILD_ID must be a numeric guild id, not '" + guild + "'");
        }
        String channels = value(env, "DISCORD_SUPPORT_CHANNELS");
        Set<String> support = channels == null ? Set.of() : Arrays.stream(channels.split(","))
                .map(String::strip)
                .map(c -> c.startsWith("#") ? c.substring(1) : c)
                .filter(c -> !c.isEmpty())
                .map(DiscordSettings::asciiLower)
                .collect(Collectors.toUnmodifiableSet());
        String content = value(env, "DISCORD_MESSAGE_CONTENT");
        if (content != null && !content.equalsIgnoreCase("true") && !content.equalsIgnoreCase("false")) {
            throw new BadInputException("DISCORD_MESSAGE_CONTENT must be true or false, not '" + content + "'");
        }
        return new DiscordSettings(token, value(env, "DISCORD_API_URL"), value(env, "DISCORD_GATEWAY_URL"), guild,
                support, !"false".equalsIgnoreCase(content));
    }

    /** True when the channel with this id and name is watched for pasted errors; names match ignoring ASCII case. */
    boolean isSupportChannel(String id, String name) {
        return supportChannels.contains(id) || supportChannels.contains(asciiLower(name));
    }

    /** ASCII letters lower-cased, nothing else touched: linear, unlike {@link String#toLowerCase} on hostile text. */
    static String asciiLower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=(hidden), apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + ", guildId="
                + guildId + ", supportChannels=" + supportChannels + ", messageContent=" + messageContent + "]";
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
