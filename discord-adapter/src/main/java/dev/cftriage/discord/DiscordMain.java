package dev.cftriage.discord;

import dev.cftriage.service.ChatBackend;
import dev.cftriage.BadInputException;
import dev.cftriage.CfTriage;
import dev.cftriage.config.ConfigLoader;
import dev.cftriage.service.TriageService;
import java.util.Map;

/**
 * Runs cf-triage as a Discord bot. Settings come from the environment: {@code DISCORD_TOKEN} (required),
 * {@code DISCORD_GUILD_ID}, {@code DISCORD_SUPPORT_CHANNELS}, {@code DISCORD_MESSAGE_CONTENT},
 * {@code DISCORD_API_URL}, {@code DISCORD_GATEWAY_URL}, plus bot-core's triage settings ({@code CFTRIAGE_CONFIG}
 * and {@code CFTRIAGE_*}, see {@link ConfigLoader}). Exits with status 2 and one line on bad settings.
 */
public final class DiscordMain {
    private DiscordMain() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        DiscordSettings settings;
        CfTriage engine;
        try {
            settings = DiscordSettings.fromEnv(env);
            engine = CfTriage.create(ConfigLoader.load(env));
        } catch (BadInputException e) {
            System.err.println("cf-triage-discord: " + e.getMessage());
            System.exit(2);
            return;
        }
        TriageService service = TriageService.create(engine);
        DiscordBot bot = DiscordBot.start(settings, ChatBackend.of(service));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            service.close();
            engine.close();
        }, "cf-triage-discord-shutdown"));
    }
}
