package dev.cftriage.discord;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.input.BadInputException;
import dev.cftriage.CfTriage;
import dev.cftriage.config.ConfigLoader;
import dev.cftriage.chat.TriageService;
import dev.cftriage.http.BotHttpServer;
import dev.cftriage.http.HttpLimits;
import dev.cftriage.incidents.AlertWebhook;
import dev.cftriage.incidents.IncidentDatabase;
import dev.cftriage.incidents.IncidentMode;
import dev.cftriage.incidents.IncidentSettings;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;

/**
 * Runs cf-triage as a Discord bot. Settings come from the environment: {@code DISCORD_TOKEN} (required),
 * {@code DISCORD_GUILD_ID}, {@code DISCORD_SUPPORT_CHANNELS}, {@code DISCORD_MESSAGE_CONTENT},
 * {@code DISCORD_API_URL}, {@code DISCORD_GATEWAY_URL}, plus bot-core's triage settings ({@code CFTRIAGE_CONFIG}
 * and {@code CFTRIAGE_*}, see {@link ConfigLoader}). Exits with status 2 and one line on bad settings (a token
 * Discord refuses included), with status 1 and one line when no session is ready within {@link #READY_TIMEOUT}.
 */
public final class DiscordMain {
    /** How long the first session may take to become ready. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private DiscordMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(System.getenv(), READY_TIMEOUT, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts the bot and waits until its session is ready. On success returns 0 and leaves the bot running on
     * JDA's threads, stopped by a shutdown hook; otherwise prints one line to {@code err}, closes everything it
     * started and returns the exit status.
     */
    static int run(Map<String, String> env, Duration readyTimeout, PrintStream err) throws InterruptedException {
        DiscordSettings settings;
        CfTriage engine;
        IncidentSettings incidentSettings;
        try {
            settings = DiscordSettings.fromEnv(env);
            incidentSettings = IncidentSettings.load(env);
            engine = CfTriage.create(ConfigLoader.load(env));
        } catch (BadInputException e) {
            err.println("cf-triage-discord: " + e.getMessage());
            return 2;
        }
        TriageService service = TriageService.create(engine);
        IncidentDatabase database = IncidentDatabase.open(incidentSettings);
        BotHttpServer[] alerts = new BotHttpServer[1];
        Runnable stop = () -> {
            closeQuietly(alerts[0]);
            service.close();
            engine.close();
            database.close();
        };
        DiscordBot bot;
        try {
            bot = DiscordBot.start(settings, ChatBackend.of(service),
                    channel -> IncidentMode.create(database, incidentSettings, channel, engine));
        } catch (InvalidTokenException e) {
            stop.run();
            err.println("cf-triage-discord: Discord refused DISCORD_TOKEN; copy the bot's token again (Bot → Reset Token)");
            return 2;
        }
        try {
            bot.awaitReady(readyTimeout);
        } catch (IllegalStateException | TimeoutException e) {
            bot.close();
            stop.run();
            boolean timedOut = e instanceof TimeoutException;
            err.println("cf-triage-discord: " + (timedOut
                    ? "no Discord session within " + readyTimeout.toSeconds() + " s; check the network and DISCORD_GATEWAY_URL"
                    : "could not connect to Discord: " + e.getMessage()));
            return timedOut ? 1 : 2;
        }
        bot.incidents().start();
        try {
            alerts[0] = alertsServer(env, settings, bot, ChatBackend.of(service), engine);
        } catch (Exception e) {
            bot.close();
            stop.run();
            err.println("cf-triage-discord: could not serve Cloudflare's alerts on PORT: " + e.getClass().getSimpleName());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stop.run();
        }, "cf-triage-discord-shutdown"));
        return 0;
    }

    /**
     * Serves Cloudflare's alerts at {@link AlertWebhook#PATH} on {@code PORT} when {@code PORT},
     * {@code CLOUDFLARE_WEBHOOK_SECRET} and {@code DISCORD_INCIDENT_CHANNEL} are set; null otherwise.
     */
    static BotHttpServer alertsServer(Map<String, String> env, DiscordSettings settings, DiscordBot bot,
                                      ChatBackend backend, CfTriage engine) throws Exception {
        String port = env.get("PORT");
        String secret = env.get(AlertWebhook.SECRET_SETTING);
        String channel = env.get(DiscordAlertResponder.CHANNEL_SETTING);
        if (port == null || port.isBlank() || secret == null || secret.isBlank() || channel == null || channel.isBlank()) {
            return null;
        }
        AlertWebhook webhook = new AlertWebhook(secret, bot.incidents().desk(), backend::submit,
                new DiscordAlertResponder(DiscordBot.rest(settings), settings.guildId(), channel.strip()),
                AlertWebhook.workers(), engine.config().timeout().plusSeconds(30).toMillis());
        BotHttpServer server = webhook.addTo(BotHttpServer.builder(
                new InetSocketAddress(Integer.parseInt(port.strip())), HttpLimits.defaults())).build();
        server.start();
        return server;
    }

    private static void closeQuietly(BotHttpServer server) {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                // stopping: nothing more to do
            }
        }
    }
}
