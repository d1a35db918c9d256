package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the bot from the environment against {@link FakeDiscord}: what a failed start prints and returns. */
class DiscordMainTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** Incident mode's embedded database goes here, not into the module's directory. */
    @TempDir
    Path dataDir;

    @Test
    void tokenDiscordRefusesEndsWithOneLineAndStatusTwo() throws Exception {
        try (FakeDiscord fake = FakeDiscord.start(false)) {
            int status = DiscordMain.run(env(fake, "not-the-bot-token-0123456789"), Duration.ofSeconds(10), stream());

            assertEquals(2, status);
            assertEquals(List.of("cf-triage-discord: Discord refused DISCORD_TOKEN; copy the bot's token again "
                    + "(Bot → Reset Token)"), printed());
            assertTrue(fake.gatewayPaths().isEmpty(), "no gateway connection after a refused token");
        }
    }

    @Test
    void noSessionInTimeEndsWithOneLineAndStatusOne() throws Exception {
        try (FakeDiscord fake = FakeDiscord.start(false)) {
            fake.gatewayDown(true);

            int status = DiscordMain.run(env(fake, FakeDiscord.TOKEN), Duration.ofSeconds(1), stream());

            assertEquals(1, status);
            List<String> lines = printed();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("cf-triage-discord: no Discord session within 1 s"), lines.get(0));
        }
    }

    private PrintStream stream() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private List<String> printed() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * This process's environment (the build's safe Cloudflare URLs included) pointing the bot at the fake, with
     * incident mode's data in the test's directory.
     */
    private Map<String, String> env(FakeDiscord fake, String token) {
        DiscordSettings settings = fake.settings(null);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DISCORD_TOKEN", token);
        env.put("DISCORD_API_URL", settings.apiUrl());
        env.put("DISCORD_GATEWAY_URL", settings.gatewayUrl());
        env.put("DISCORD_GUILD_ID", FakeDiscord.GUILD_ID);
        env.put("CFTRIAGE_DATA_DIR", dataDir.toString());
        return env;
    }
}
