package dev.cftriage.slack;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.incidents.IncidentChannel;
import dev.cftriage.incidents.IncidentMode;
import dev.cftriage.ops.ChatCalls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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
    private static final AtomicInteger SETTLES = new AtomicInteger();

    /** Starts a bot over the backend that waits at most {@code wait} (plus the bot's margin) for one triage. */
    static RunningBot start(ChatBackend backend, Duration wait) throws Exception {
        FakeSlack slack = new FakeSlack();
        SlackMain.SlackBot bot = SlackMain.bot(slack.botEnv(), backend, wait);
        SlackHttpServer http = new SlackHttpServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http.start();
        return new RunningBot(slack, new SlackRequests(http.port()), bot, http);
    }

    /**
     * Waits until the bot has acted on what was sent before: a help mention, answered at once with no triage and
     * no probe, is the marker that must arrive after anything earlier would have (the Discord tests' settle()).
     * It adds one post, in a thread of its own; returns that thread.
     */
    String settle() throws IOException, InterruptedException {
        String ts = "1799999999." + String.format("%06d", SETTLES.incrementAndGet());
        requests.event("EvSettle" + ts, SlackRequests.mention(ts, ts, "help"), Map.of());
        slack.awaitIn("/api/chat.postMessage", ts, Duration.ofSeconds(10));
        return ts;
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
        SlackMain.SlackBot bot = SlackMain.bot(all, backend, wait, ChatCalls.NONE, openIncidents);
        SlackHttpServer http = new SlackHttpServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                routes -> {
                    if (bot.alerts() != null) {
                        bot.alerts().addTo(routes);
                    }
                });
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
