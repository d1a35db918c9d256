package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.ops.ChildBot;
import dev.cftriage.ops.OpsHttp;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.LoopbackAddresses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Discord bot as {@link DiscordMain} starts it with {@code PORT} set, against {@link FakeDiscord} and a loopback
 * origin: its {@code /metrics}, {@code /healthz} and {@code /readyz}, and TERM during a triage (its own JVM).
 */
class DiscordOperationsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration BUDGET = Duration.ofSeconds(4);

    private final InetAddress origin = LoopbackAddresses.next();
    private final String ip = origin.getHostAddress();

    @Test
    void withPortSetTheBotServesHealthAndMetricsThatShowATriageAndItsProbes() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (FakeDiscord fake = FakeDiscord.start(false);
             FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.EMPTY_REPLY)) {
            DiscordMain.Start start = DiscordMain.start(env(fake), WAIT, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, start.status(), err.toString(StandardCharsets.UTF_8));
            DiscordMain.Running bot = start.running();
            try {
                Map<String, Object> command = fake.slashCommand("cf520", Map.of("target", ip, "origin", ip));
                fake.await("PATCH", FakeDiscord.originalPath(command), WAIT);

                assertEquals(200, OpsHttp.get(bot.port(), "/healthz").statusCode());
                assertEquals(200, OpsHttp.get(bot.port(), "/readyz").statusCode());
                // the reply, and (incident mode, on its own thread) its second row of buttons: one or two edits
                String metrics = awaitMetric(bot.port(),
                        "cftriage_chat_calls_total\\{method=\"PATCH /webhooks/\\{id}/\\{id}/messages/@original\",result=\"ok\"} [12]\\.0");
                assertHas(metrics, "cftriage_triages_total\\{code=\"520\",top_cause=\"[a-z0-9-]+\"} 1\\.0");
                assertHas(metrics, "cftriage_probe_duration_seconds_bucket\\{kind=\"origin-http\",le=\"\\+Inf\"} 1");
                assertHas(metrics, "cftriage_probes_total\\{kind=\"origin-http\",status=\"fail\"} 1\\.0");
                assertTrue(!metrics.contains(FakeDiscord.TOKEN), "no token in a label");
            } finally {
                bot.stop();
            }
            assertEquals(1000, fake.clientCloseCodes().get(0), "the gateway was closed normally");
        }
    }

    @Test
    void termDuringATriageStillAnswersClosesTheGatewayWith1000AndExitsZeroWithinTheBudgetPlusFiveSeconds()
            throws Exception {
        try (FakeDiscord fake = FakeDiscord.start(false);
             FaultServer server = FaultServer.start(origin, 8080, FaultServer.Behaviour.SLOW, Duration.ofMillis(2_500));
             ChildBot bot = ChildBot.start(DiscordMain.class, env(fake))) {
            bot.port();
            fake.awaitSessions(1, WAIT);
            Map<String, Object> command = fake.slashCommand("cf522", Map.of("target", ip, "origin", ip));
            awaitAccepted(server);

            long term = System.nanoTime();
            bot.process.destroy();

            assertTrue(bot.process.waitFor(BUDGET.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS),
                    "exited within the budget plus 5 s; log:\n" + String.join("\n", bot.log()));
            System.out.printf("%s bot: TERM to exit %d ms (budget %d ms)%n", "Discord",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - term), BUDGET.toMillis());
            assertEquals(0, bot.process.exitValue(), String.join("\n", bot.log()));
            FakeDiscord.Exchange answer = fake.await("PATCH", FakeDiscord.originalPath(command), WAIT);
            assertTrue(answer.json().toString().contains(ip + ":8080"), answer.json().toString());
            assertEquals(1000, fake.clientCloseCodes().get(0), "the gateway was closed normally");
        }
    }

    private static String awaitMetric(int port, String line) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String metrics = OpsHttp.get(port, "/metrics").body();
        while (!Pattern.compile("(?m)^" + line).matcher(metrics).find()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line like " + line + " in\n" + metrics);
            }
            Thread.sleep(20);
            metrics = OpsHttp.get(port, "/metrics").body();
        }
        return metrics;
    }

    private static void assertHas(String metrics, String line) {
        assertTrue(Pattern.compile("(?m)^" + line).matcher(metrics).find(), "no line like " + line + " in\n" + metrics);
    }

    private static void awaitAccepted(FaultServer server) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.accepted() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the triage never reached the origin");
            }
            Thread.sleep(10);
        }
    }

    /** The bot's settings: the fake Discord, any free port, probes allowed to loopback only, a short budget. */
    private static Map<String, String> env(FakeDiscord fake) {
        DiscordSettings settings = fake.settings(null);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DISCORD_TOKEN", FakeDiscord.TOKEN);
        env.put("DISCORD_API_URL", settings.apiUrl());
        env.put("DISCORD_GATEWAY_URL", settings.gatewayUrl());
        env.put("DISCORD_GUILD_ID", FakeDiscord.GUILD_ID);
        env.put("PORT", "0");
        env.put("CFTRIAGE_RESOLVER", "127.0.0.1:9");
        env.put("CFTRIAGE_ALLOW_TARGET", "127.0.0.0/8");
        env.put("CFTRIAGE_PORTS", "8080");
        env.put("CFTRIAGE_TIMEOUT", BUDGET.toMillis() + "ms");
        return env;
    }
}
