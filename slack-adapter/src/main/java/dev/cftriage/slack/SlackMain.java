package dev.cftriage.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.ChatSession;
import dev.cftriage.config.ConfigLoader;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.http.BotHttpServer;
import dev.cftriage.http.HttpLimits;
import dev.cftriage.incidents.AlertWebhook;
import dev.cftriage.incidents.IncidentChannel;
import dev.cftriage.incidents.IncidentDatabase;
import dev.cftriage.incidents.IncidentMode;
import dev.cftriage.incidents.IncidentSettings;
import dev.cftriage.input.BadInputException;
import dev.cftriage.ops.BotEngine;
import dev.cftriage.ops.BotEnv;
import dev.cftriage.ops.ChatCalls;
import dev.cftriage.ops.GracefulShutdown;
import dev.cftriage.ops.OpsRoutes;
import dev.cftriage.ops.Readiness;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cf-triage as a Slack app: Socket Mode when {@code SLACK_APP_TOKEN} is set, otherwise HTTP on {@code PORT}
 * (default 3000) at {@code /slack/events}; {@code /metrics}, {@code /healthz} and {@code /readyz} on the same port
 * (in Socket Mode when {@code PORT} is set). TERM stops it gracefully ({@link Running#stop()}). Settings come from
 * the environment (see "Run in Slack" and "Operations" in README.md); tokens are never logged.
 */
public final class SlackMain {
    private static final Logger log = LoggerFactory.getLogger(SlackMain.class);

    private SlackMain() {
    }

    public static void main(String[] args) throws Exception {
        Running running;
        try {
            running = start(System.getenv());
        } catch (BadInputException e) {
            System.err.println("cf-triage-slack: " + e.getMessage());
            System.exit(2);
            return;
        }
        GracefulShutdown.onTerm(running::stop);
        running.awaitStopped();
    }

    /**
     * Starts the bot from the environment and returns once it listens (HTTP mode) or has begun connecting (Socket
     * Mode). {@code PORT} is the HTTP port: in HTTP mode for {@code /slack/events} (default 3000), and in both modes
     * for {@code /metrics}, {@code /healthz} and {@code /readyz} (in Socket Mode only when set).
     *
     * @throws BadInputException when a setting is missing or unusable
     */
    static Running start(Map<String, String> env) throws Exception {
        BotEnv.checkLogFormat(env);
        OptionalInt port = BotEnv.port(env);
        TriageConfig config = ConfigLoader.load(env);
        String appToken = env.get("SLACK_APP_TOKEN");
        IncidentSettings incidentSettings = IncidentSettings.load(env);
        BotEngine engine = BotEngine.start(config);
        IncidentDatabase database = null;
        SlackBot bot = null;
        SocketModeConnection socket = null;
        BotHttpServer ops = null;
        try {
            IncidentDatabase incidentDatabase = IncidentDatabase.open(incidentSettings);
            database = incidentDatabase;
            bot = bot(env, engine.backend(), config.timeout(), engine.metrics(),
                    channel -> IncidentMode.create(incidentDatabase, incidentSettings, channel, engine.engine()));
            bot.incidents().start();
            AlertWebhook alerts = bot.alerts();
            Readiness readiness = new Readiness().check("accepting", engine::accepting);
            if (appToken != null && !appToken.isBlank()) {
                socket = new SocketModeConnection(appToken, bot.app());
                readiness.check("slack", socket::connected);
                if (port.isPresent()) { // operations, and Cloudflare's alerts when configured
                    BotHttpServer.Builder routes = OpsRoutes.addTo(BotHttpServer.builder(
                            new InetSocketAddress(port.getAsInt()), HttpLimits.defaults()), engine.metrics(), readiness);
                    ops = (alerts == null ? routes : alerts.addTo(routes)).build();
                    ops.start();
                }
                socket.start();
                log.info("cf-triage for Slack started in Socket Mode{}",
                        ops == null ? "" : "; metrics and health on port " + ops.port());
                return new Running(engine, database, bot, socket, null, ops);
            }
            SlackHttpServer http = new SlackHttpServer(bot.app(), new InetSocketAddress(port.orElse(3000)), routes -> {
                OpsRoutes.addTo(routes, engine.metrics(), readiness);
                if (alerts != null) {
                    alerts.addTo(routes);
                }
            });
            http.start();
            log.info("cf-triage for Slack listening on port {} at {}", http.port(), SlackHttpServer.PATH);
            return new Running(engine, database, bot, null, http, null);
        } catch (Exception | Error e) {
            if (ops != null) {
                ops.close();
            }
            if (socket != null) {
                socket.close();
            }
            if (bot != null) {
                bot.close();
            }
            if (database != null) {
                database.close();
            }
            engine.close();
            throw e;
        }
    }

    /**
     * The Bolt app with cf-triage's handlers, configured from the environment: {@code SLACK_BOT_TOKEN} (required),
     * {@code SLACK_SIGNING_SECRET} (required unless {@code SLACK_APP_TOKEN} is set), {@code SLACK_API_URL}
     * (the Web API base URL), {@code SLACK_ANSWER_BOTS} (true to triage other bots' messages).
     *
     * @param wait the engine's budget for one triage (the session adds its margin before the bot gives up)
     * @throws BadInputException when a required setting is missing
     */
    static SlackBot bot(Map<String, String> env, ChatBackend backend, Duration wait) {
        return bot(env, backend, wait, ChatCalls.NONE, null);
    }

    /**
     * The Bolt app as {@link #bot(Map, ChatBackend, Duration)} makes it, telling {@code calls} of its Web API calls,
     * with incident mode opened by {@code openIncidents} on the bot's {@link SlackIncidentChannel} (null: without
     * incident mode) and Cloudflare's alerts webhook when it is configured.
     */
    static SlackBot bot(Map<String, String> env, ChatBackend backend, Duration wait, ChatCalls calls,
                        Function<IncidentChannel, IncidentMode> openIncidents) {
        String botToken = required(env, "SLACK_BOT_TOKEN");
        boolean socketMode = env.get("SLACK_APP_TOKEN") != null && !env.get("SLACK_APP_TOKEN").isBlank();
        String signingSecret = socketMode ? env.get("SLACK_SIGNING_SECRET") : required(env, "SLACK_SIGNING_SECRET");

        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setStatsEnabled(false);
        String apiUrl = env.get("SLACK_API_URL");
        if (apiUrl != null && !apiUrl.isBlank()) {
            slackConfig.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        }
        Slack slack = Slack.getInstance(slackConfig);
        AppConfig appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(botToken)
                .signingSecret(signingSecret)
                .authTestCacheEnabled(true)
                .allEventsApiAutoAckEnabled(true)
                .build();
        SlackPoster poster = new SlackPoster(slack, botToken, Duration.ofSeconds(1), calls);
        SlackTriageApp behaviour = new SlackTriageApp(ChatSession.create("slack", backend, wait), poster,
                Boolean.parseBoolean(env.getOrDefault("SLACK_ANSWER_BOTS", "false")));
        IncidentMode incidents = null;
        AlertWebhook alerts = null;
        if (openIncidents != null) {
            incidents = openIncidents.apply(new SlackIncidentChannel(poster, slack.methods(botToken)));
            behaviour.withIncidents(new SlackIncidents(incidents.desk(), poster));
            alerts = alerts(env, incidents, backend, poster, wait.plusSeconds(30));
        }
        return new SlackBot(behaviour.register(new App(appConfig)), behaviour, incidents, alerts);
    }
    /**
     * Cloudflare's alerts webhook when {@code CLOUDFLARE_WEBHOOK_SECRET} and {@code SLACK_INCIDENT_CHANNEL} are both
     * set; null (and a log line saying what is missing) otherwise.
     */
    private static AlertWebhook alerts(Map<String, String> env, IncidentMode mode, ChatBackend backend, SlackPoster poster,
                                       Duration wait) {
        String secret = env.get(AlertWebhook.SECRET_SETTING);
        String channel = env.get(SlackAlertResponder.CHANNEL_SETTING);
        if (secret == null || secret.isBlank() || channel == null || channel.isBlank()) {
            log.info("Cloudflare's alerts webhook is off: it needs {} and {}", AlertWebhook.SECRET_SETTING,
                    SlackAlertResponder.CHANNEL_SETTING);
            return null;
        }
        return new AlertWebhook(secret, mode.desk(), backend::submit, backend::proxiedHosts,
                new SlackAlertResponder(poster, channel.strip()), AlertWebhook.workers(), wait.toMillis());
    }


    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new BadInputException(name + " is not set");
        }
        return value;
    }

    /**
     * A started bot: its engine, the Bolt app, and either the Socket Mode connection (with the operations server when
     * {@code PORT} is set) or the HTTP server. {@link #stop()} is the graceful shutdown. Thread-safe.
     */
    static final class Running {
        /** How long the work threads may take to post the answers of the triages that finished while draining. */
        static final Duration POSTING_GRACE = Duration.ofMillis(1_500);

        private final BotEngine engine;
        private final IncidentDatabase database;
        private final SlackBot bot;
        private final SocketModeConnection socket;
        private final SlackHttpServer http;
        private final BotHttpServer ops;
        private final CountDownLatch stopped = new CountDownLatch(1);

        Running(BotEngine engine, IncidentDatabase database, SlackBot bot, SocketModeConnection socket,
                SlackHttpServer http, BotHttpServer ops) {
            this.engine = engine;
            this.database = database;
            this.bot = bot;
            this.socket = socket;
            this.http = http;
            this.ops = ops;
        }

        /** The port of the HTTP server (webhooks or operations), or -1 when there is none. */
        int port() {
            return http != null ? http.port() : ops != null ? ops.port() : -1;
        }

        /**
         * Stops taking work (new triages are answered "try again"), lets the triages in flight finish within their
         * budget and posts their answers, then closes the Slack connection, the HTTP server and the engine.
         */
        void stop() throws Exception {
            try {
                if (!engine.drain()) {
                    log.warn("triages still running after their budget; stopping anyway");
                }
                bot.behaviour().finish(POSTING_GRACE);
            } finally {
                try (BotEngine closingEngine = engine; IncidentDatabase closingDatabase = database;
                     SlackBot closingBot = bot) {
                    if (socket != null) {
                        socket.close();
                    }
                    if (http != null) {
                        http.close();
                    }
                    if (ops != null) {
                        ops.close();
                    }
                }
                stopped.countDown();
            }
        }

        /** Blocks until {@link #stop()} has finished. */
        void awaitStopped() throws InterruptedException {
            stopped.await();
        }
    }

    /**
     * The Bolt app and the behaviour on it, with incident mode and the alerts webhook (each null when off); closing
     * stops the behaviour's threads and incident mode (before its database closes).
     */
    record SlackBot(App app, SlackTriageApp behaviour, IncidentMode incidents, AlertWebhook alerts) implements AutoCloseable {
        SlackBot(App app, SlackTriageApp behaviour) {
            this(app, behaviour, null, null);
        }

        @Override
        public void close() {
            behaviour.close();
            if (incidents != null) {
                incidents.close();
            }
        }
    }
}
