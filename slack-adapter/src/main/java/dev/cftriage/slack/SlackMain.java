package dev.cftriage.slack;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.ChatSession;
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
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
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
            try (CfTriage engine = CfTriage.create(config);
                 TriageService service = TriageService.create(engine);
                 SlackBot bot = bot(env, ChatBackend.of(service), config.timeout())) {
                String appToken = env.get("SLACK_APP_TOKEN");
                if (appToken != null && !appToken.isBlank()) {
                    log.info("cf-triage for Slack starting in Socket Mode");
                    new SocketModeApp(appToken, bot.app()).start();
                } else {
                    int port = Integer.parseInt(env.getOrDefault("PORT", "3000"));
                    try (SlackHttpServer server = new SlackHttpServer(bot.app(), new InetSocketAddress(port))) {
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
     * @param wait the engine's budget for one triage (the session adds its margin before the bot gives up)
     * @throws BadInputException when a required setting is missing
     */
    static SlackBot bot(Map<String, String> env, ChatBackend backend, Duration wait) {
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
        SlackTriageApp behaviour = new SlackTriageApp(ChatSession.create("slack", backend, wait), poster,
                Boolean.parseBoolean(env.getOrDefault("SLACK_ANSWER_BOTS", "false")));
        return new SlackBot(behaviour.register(new App(appConfig)), behaviour);
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new BadInputException(name + " is not set");
        }
        return value;
    }

    /** The Bolt app and the behaviour on it; closing stops the behaviour's threads. */
    record SlackBot(App app, SlackTriageApp behaviour) implements AutoCloseable {
        @Override
        public void close() {
            behaviour.close();
        }
    }
}
