package dev.cftriage.slack;

import dev.cftriage.chat.ChatBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import dev.cftriage.http.HttpLimits;
import dev.cftriage.incidents.IncidentChannel;
import dev.cftriage.incidents.IncidentMode;

/**
 * The bot's real Bolt app served over HTTP on loopback and talking to a {@link FakeSlack}: what a test sends
 * signed requests to. Closing it stops the server, the bot's threads and the fake, in that order.
 *
 * @param slack the fake Slack Web API the bot posts to
 * @param requests signed requests to the bot's endpoint
 * @param bot the Bolt app and cf-triage's behaviour on it
 * @param http the HTTP server in front of the app
 */
record RunningBot(FakeSlack slack, SlackRequests requests, SlackMain.SlackBot bot, SlackHttpServer http)
        implements AutoCloseable {

    /** Starts a bot over the backend that waits at most {@code wait} (plus the bot's margin) for one triage. */
    static RunningBot start(ChatBackend backend, Duration wait) throws Exception {
        FakeSlack slack = new FakeSlack();
        SlackMain.SlackBot bot = SlackMain.bot(slack.botEnv(), backend, wait);
        SlackHttpServer http = new SlackHttpServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http.start();
        return new RunningBot(slack, new SlackRequests(http.port()), bot, http);
    }

    /**
     * Starts a bot with incident mode opened by {@code openIncidents} and the settings in {@code env} added to the
     * fake's (the alerts webhook's, for one); the server serves the webhook when it is configured.
     */
    static RunningBot start(ChatBackend backend, Duration wait, Map<String, String> env,
                            Function<IncidentChannel, IncidentMode> openIncidents) throws Exception {
        FakeSlack slack = new FakeSlack();
        Map<String, String> all = new HashMap<>(slack.botEnv());
        all.putAll(env);
        SlackMain.SlackBot bot = SlackMain.bot(all, backend, wait, openIncidents);
        SlackHttpServer http = new SlackHttpServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                HttpLimits.defaults(), Clock.systemUTC(), bot.alerts());
        http.start();
        return new RunningBot(slack, new SlackRequests(http.port()), bot, http);
    }

    @Override
    public void close() throws Exception {
        http.close();
        bot.close();
        slack.close();
    }
}
