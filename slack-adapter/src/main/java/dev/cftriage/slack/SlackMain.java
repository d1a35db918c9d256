package dev.cftriage.slack;

import dev.cftriage.chat.ChatBackend;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.cftriage.input.BadInputException;
import dev.cftriage.CfTriage;
import dev.cftriage.config.ConfigLoader;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.chat.TriageService;
import dev.cftriage.http.BotHttpServer;
import dev.cftriage.http.HttpLimits;
import dev.cftriage.incidents.AlertWebhook;
import dev.cftriage.incidents.IncidentChannel;
import dev.cftriage.incidents.IncidentDatabase;
import dev.cftriage.incidents.IncidentMode;
import dev.cftriage.incidents.IncidentSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cf-triage as a Slack app: Socket Mode when {@code SLACK_APP_TOKEN} is set, otherwise HTTP on {@code PORT}
 * (default 3000) at {@code /slack/events}. Settings come from the environment (see "Run in Slack" in README.md); tokens are
 * never logged.
 */
public final class SlackMain {
    private static final Logger log = LoggerFactory.getLogger(SlackMain.class);

    private SlackMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        try {
            TriageConfig config = ConfigLoader.load(env);
            IncidentSettings incidentSettings = IncidentSettings.load(env);
            try (CfTriage engine = CfTriage.create(config);
                 TriageService service = TriageService.create(engine);
                 IncidentDatabase incidentDatabase = IncidentDatabase.open(incidentSettings);
                 SlackBot bot = bot(env, ChatBackend.of(service), config.timeout(),
                         channel -> IncidentMode.create(incidentDatabase, incidentSettings, channel, engine))) {
                bot.incidents().start();
                String appToken = env.get("SLACK_APP_TOKEN");
                if (appToken != null && !appToken.isBlank()) {
                    log.info("cf-triage for Slack starting in Socket Mode");
                    new SocketModeApp(appToken, bot.app()).startAsync();
                    alertsOnlyServer(env, bot.alerts()); // Cloudflare's alerts on PORT, when set
                } else {
                    int port = Integer.parseInt(env.getOrDefault("PORT", "3000"));
                    try (SlackHttpServer server = new SlackHttpServer(bot.app(), new InetSocketAddress(port),
                            HttpLimits.defaults(), Clock.systemUTC(), bot.alerts())) {
                        server.start();
                        log.info("cf-triage for Slack listening on port {} at {}", server.port(), SlackHttpServer.PATH);
                        server.join();
                    }
                }
            }
        } catch (BadInputException | NumberFormatException e) {
            System.err.println("cf-triage-slack: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The Bolt app with cf-triage's handlers, configured from the environment: {@code SLACK_BOT_TOKEN} (required),
     * {@code SLACK_SIGNING_SECRET} (required unless {@code SLACK_APP_TOKEN} is set), {@code SLACK_API_URL}
     * (the Web API base URL), {@code SLACK_ANSWER_BOTS} (true to triage other bots' messages).
     *
     * @param wait how long one triage may take before the bot gives up on it (the engine's budget plus a margin
     *     is added)
     * @throws BadInputException when a required setting is missing
     */
    static SlackBot bot(Map<String, String> env, ChatBackend backend, Duration wait) {
        return bot(env, backend, wait, null);
    }

    /**
     * The bot with incident mode, opened by {@code openIncidents} on the bot's {@link SlackIncidentChannel} (null:
     * without incident mode), and Cloudflare's alerts webhook when it is configured.
     */
    static SlackBot bot(Map<String, String> env, ChatBackend backend, Duration wait,
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
        SlackPoster poster = new SlackPoster(slack, botToken, Duration.ofSeconds(1));
        SlackTriageApp behaviour = new SlackTriageApp(backend, poster,
                Boolean.parseBoolean(env.getOrDefault("SLACK_ANSWER_BOTS", "false")), Clock.systemUTC(),
                wait.plusSeconds(30));
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
     * In Socket Mode, serves Cloudflare's alerts on {@code PORT} when it is set and the webhook is configured, and
     * blocks (Socket Mode's threads are daemons); otherwise blocks forever for Socket Mode.
     */
    private static void alertsOnlyServer(Map<String, String> env, AlertWebhook alerts) throws Exception {
        String port = env.get("PORT");
        if (alerts == null || port == null || port.isBlank()) {
            Thread.currentThread().join();
            return;
        }
        try (BotHttpServer server = alerts.addTo(BotHttpServer.builder(new InetSocketAddress(Integer.parseInt(port)),
                HttpLimits.defaults())).build()) {
            server.start();
            log.info("cf-triage for Slack serving Cloudflare's alerts on port {} at {}", server.port(), AlertWebhook.PATH);
            server.join();
        }
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
        return new AlertWebhook(secret, mode.desk(), backend::submit,
                new SlackAlertResponder(poster, channel.strip(), Clock.systemUTC()), AlertWebhook.workers(), wait.toMillis());
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new BadInputException(name + " is not set");
        }
        return value;
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
