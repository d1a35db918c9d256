package dev.cftriage.discord;

import dev.cftriage.CfTriage;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.ChatSession;
import dev.cftriage.config.ConfigLoader;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.http.BotHttpServer;
import dev.cftriage.http.HttpLimits;
import dev.cftriage.incidents.AlertWebhook;
import dev.cftriage.incidents.IncidentDatabase;
import dev.cftriage.incidents.IncidentMode;
import dev.cftriage.incidents.IncidentSettings;
import dev.cftriage.input.BadInputException;
import dev.cftriage.ops.BotEngine;
import dev.cftriage.ops.BotEnv;
import dev.cftriage.ops.GracefulShutdown;
import dev.cftriage.ops.OpsRoutes;
import dev.cftriage.ops.Readiness;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cf-triage as a Discord bot. Settings come from the environment: {@code DISCORD_TOKEN} (required),
 * {@code DISCORD_GUILD_ID}, {@code DISCORD_SUPPORT_CHANNELS}, {@code DISCORD_MESSAGE_CONTENT},
 * {@code DISCORD_API_URL}, {@code DISCORD_GATEWAY_URL}, {@code PORT} (serves {@code /metrics}, {@code /healthz}
 * and {@code /readyz} when set), {@code CFTRIAGE_LOG_FORMAT}, plus bot-core's triage settings
 * ({@code CFTRIAGE_CONFIG} and {@code CFTRIAGE_*}, see {@link ConfigLoader}). Exits with status 2 and one line on
 * bad settings (a token Discord refuses included), with status 1 and one line when no session is ready within
 * {@link #READY_TIMEOUT}. TERM stops it gracefully ({@link Running#stop()}) with status 0.
 */
public final class DiscordMain {
    /** How long the first session may take to become ready. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(DiscordMain.class);

    private DiscordMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Start start = start(System.getenv(), READY_TIMEOUT, System.err);
        if (start.running() == null) {
            System.exit(start.status());
        }
        GracefulShutdown.onTerm(start.running()::stop);
    }

    /**
     * Starts the bot and waits until its session is ready. On success returns 0 and leaves the bot running on
     * JDA's threads, stopped by a shutdown hook; otherwise prints one line to {@code err}, closes everything it
     * started and returns the exit status.
     */
    static int run(Map<String, String> env, Duration readyTimeout, PrintStream err) throws InterruptedException {
        Start start = start(env, readyTimeout, err);
        if (start.running() != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(start.running()::close, "cf-triage-discord-shutdown"));
        }
        return start.status();
    }

    /**
     * Starts the bot and waits until its session is ready: the running bot, or the exit status after one line
     * printed to {@code err} (everything started is closed).
     */
    static Start start(Map<String, String> env, Duration readyTimeout, PrintStream err) throws InterruptedException {
        DiscordSettings settings;
        OptionalInt port;
        BotEngine engine;
        TriageConfig config;
        IncidentSettings incidentSettings;
        try {
            BotEnv.checkLogFormat(env);
            settings = DiscordSettings.fromEnv(env);
            port = BotEnv.port(env);
            config = ConfigLoader.load(env);
            incidentSettings = IncidentSettings.load(env);
            engine = BotEngine.start(config);
        } catch (BadInputException e) {
            err.println("cf-triage-discord: " + e.getMessage());
            return new Start(2, null);
        }
        IncidentDatabase database;
        try {
            database = IncidentDatabase.open(incidentSettings);
        } catch (RuntimeException e) {
            engine.close();
            err.println("cf-triage-discord: " + e.getMessage());
            return new Start(2, null);
        }
        DiscordBot bot;
        try {
            bot = DiscordBot.start(settings, ChatSession.create("discord", engine.backend(), config.timeout()),
                    engine.metrics(), channel -> IncidentMode.create(database, incidentSettings, channel, engine.engine()));
        } catch (InvalidTokenException e) {
            database.close();
            engine.close();
            err.println("cf-triage-discord: Discord refused DISCORD_TOKEN; copy the bot's token again (Bot → Reset Token)");
            return new Start(2, null);
        }
        BotHttpServer ops = null;
        try {
            bot.incidents().start();
            if (port.isPresent()) { // operations, and Cloudflare's alerts when configured
                Readiness readiness = new Readiness().check("accepting", engine::accepting).check("discord", bot::connected);
                BotHttpServer.Builder routes = OpsRoutes.addTo(BotHttpServer.builder(
                        new InetSocketAddress(port.getAsInt()), HttpLimits.defaults()), engine.metrics(), readiness);
                AlertWebhook alerts = alertsWebhook(env, settings, bot, engine.backend(), config.timeout());
                ops = (alerts == null ? routes : alerts.addTo(routes)).build();
                ops.start();
                LOG.info("metrics and health{} on port {}", alerts == null ? "" : ", Cloudflare's alerts", ops.port());
            }
            bot.awaitReady(readyTimeout);
        } catch (Exception e) {
            new Running(engine, database, bot, ops).close();
            boolean timedOut = e instanceof TimeoutException;
            err.println("cf-triage-discord: " + (timedOut
                    ? "no Discord session within " + readyTimeout.toSeconds() + " s; check the network and DISCORD_GATEWAY_URL"
                    : e instanceof IllegalStateException ? "could not connect to Discord: " + e.getMessage()
                    : "could not serve PORT: " + e.getMessage()));
            return new Start(timedOut ? 1 : 2, null);
        }
        return new Start(0, new Running(engine, database, bot, ops));
    }

    /** What starting gave: the running bot and status 0, or no bot and the exit status. */
    record Start(int status, Running running) {
    }

    /**
     * A started bot: its engine, its Discord connection and the operations server (or null without {@code PORT}).
     *
     * @param ops the server of {@code /metrics}, {@code /healthz} and {@code /readyz}, or null
     */
    record Running(BotEngine engine, IncidentDatabase database, DiscordBot bot, BotHttpServer ops) {
        /** How long JDA may take to send the answers already queued once the triages finished. */
        static final Duration POSTING_GRACE = Duration.ofMillis(2_500);

        /** The operations server's port, or -1 without one. */
        int port() {
            return ops == null ? -1 : ops.port();
        }

        /**
         * Stops taking work (new triages are answered "try again"), lets the triages in flight finish within their
         * budget, posts their answers, closes the gateway with 1000, then the HTTP server and the engine.
         */
        void stop() throws Exception {
            try {
                if (!engine.drain()) {
                    LOG.warn("triages still running after their budget; stopping anyway");
                }
                bot.closeGracefully(POSTING_GRACE);
            } finally {
                close();
            }
        }

        /** Closes everything at once. */
        void close() {
            bot.close();
            if (ops != null) {
                try {
                    ops.close();
                } catch (Exception e) {
                    LOG.warn("stopping the HTTP server failed: {}", e.toString());
                }
            }
            engine.close();
            database.close();
        }
    }

    /**
     * Cloudflare's alerts webhook when {@code CLOUDFLARE_WEBHOOK_SECRET} and {@code DISCORD_INCIDENT_CHANNEL} (a
     * channel id or name) are set; null otherwise. A name is looked up when the session is ready.
     */
    static AlertWebhook alertsWebhook(Map<String, String> env, DiscordSettings settings, DiscordBot bot,
                                      ChatBackend backend, Duration budget) {
        String secret = env.get(AlertWebhook.SECRET_SETTING);
        String channel = env.get(DiscordAlertResponder.CHANNEL_SETTING);
        if (secret == null || secret.isBlank() || channel == null || channel.isBlank()) {
            LOG.info("Cloudflare's alerts webhook is off: it needs {} and {}", AlertWebhook.SECRET_SETTING,
                    DiscordAlertResponder.CHANNEL_SETTING);
            return null;
        }
        String setting = channel.strip();
        return new AlertWebhook(secret, bot.incidents().desk(), backend::submit, backend::proxiedHosts,
                new DiscordAlertResponder(DiscordBot.rest(settings), setting,
                        IncidentChannelSetting.resolve(setting, settings.guildId(), bot.ready()), READY_TIMEOUT),
                AlertWebhook.workers(), budget.plusSeconds(30).toMillis());
    }

    /** A server of the alerts webhook alone on {@code PORT} (when it and the webhook are configured); null otherwise. */
    static BotHttpServer alertsServer(Map<String, String> env, DiscordSettings settings, DiscordBot bot,
                                      ChatBackend backend, Duration budget) throws Exception {
        String port = env.get("PORT");
        AlertWebhook webhook = port == null || port.isBlank() ? null : alertsWebhook(env, settings, bot, backend, budget);
        if (webhook == null) {
            return null;
        }
        BotHttpServer server = webhook.addTo(BotHttpServer.builder(
                new InetSocketAddress(Integer.parseInt(port.strip())), HttpLimits.defaults())).build();
        server.start();
        return server;
    }
}
