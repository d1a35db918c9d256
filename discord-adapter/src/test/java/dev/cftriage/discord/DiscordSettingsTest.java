package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.secret-part";

    @Test
    void supportChannelsAreMatchedByIdOrByName() {
        DiscordSettings s = DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", TOKEN,
                "DISCORD_SUPPORT_CHANNELS", " 123 ,#Help-Desk,,"));
        assertEquals(Set.of("123", "help-desk"), s.supportChannels());
        assertTrue(s.isSupportChannel("123", "general"));
        assertTrue(s.isSupportChannel("999", "help-desk"));
        assertFalse(s.isSupportChannel("999", "general"));
        assertTrue(s.isSupportChannel("999", "HELP-desk"), "ASCII case is ignored");
        assertFalse(s.isSupportChannel("999", "help-desk" + "Σ".repeat(100)));
    }

    @Test
    void messageContentIsAskedForUnlessTurnedOff() {
        assertTrue(DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", TOKEN)).messageContent());
        assertFalse(DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_MESSAGE_CONTENT", "false")).messageContent());
        BadInputException e = assertThrows(BadInputException.class,
                () -> DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_MESSAGE_CONTENT", "nope")));
        assertEquals("DISCORD_MESSAGE_CONTENT must be true or false, not 'nope'", e.getMessage());
    }

    @Test
    void missingTokenIsOneClearLine() {
        BadInputException e = assertThrows(BadInputException.class, () -> DiscordSettings.fromEnv(Map.of()));
        assertEquals("DISCORD_TOKEN is not set: put the bot token from the Developer Portal there", e.getMessage());
    }

    @Test
    void nonNumericGuildIdIsRefused() {
        assertThrows(BadInputException.class,
                () -> DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_GUILD_ID", "my-server")));
    }

    @Test
    void tokenNeverAppearsInTheSettingsText() {
        DiscordSettings s = DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_GUILD_ID", "42"));
        assertEquals(TOKEN, s.token());
        assertFalse(s.toString().contains("secret-part"), s.toString());
        assertTrue(s.toString().contains("guildId=42"));
    }
}
