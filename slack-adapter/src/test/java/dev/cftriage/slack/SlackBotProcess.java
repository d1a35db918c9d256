package dev.cftriage.slack;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.incidents.IncidentMode;
import dev.cftriage.incidents.testing.IncidentLab;
import dev.cftriage.ops.ChatCalls;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The Slack bot with incident mode as a process of its own, for {@link SlackRestartTest} to kill with SIGKILL and
 * start again: the real engine on loopback, the embedded database under the data directory, the Web API at the fake
 * Slack's URL, HTTP on a free loopback port. Prints {@code PORT n} once it listens and {@code RUN} at each run of a
 * watch.
 *
 * <p>Arguments: the data directory, then the fake Slack's API URL.
 */
public final class SlackBotProcess {
    private static final PrintStream OUT = System.out;

    private SlackBotProcess() {
    }

    public static void main(String[] args) throws Exception {
        IncidentLab lab = IncidentLab.start(Path.of(args[0]));
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-test-token-0123456789", "SLACK_SIGNING_SECRET",
                SlackRequests.SECRET, "SLACK_API_URL", args[1]);
        SlackMain.SlackBot bot = SlackMain.bot(env, ChatBackend.of(lab.service()), IncidentLab.CONFIG.timeout(), ChatCalls.NONE,
                channel -> IncidentMode.create(lab.database(), lab.settings(), channel, request -> {
                    say("RUN");
                    return lab.engine().runAsync(request);
                }, Clock.systemUTC(), "slack-child-" + ProcessHandle.current().pid()));
        SlackHttpServer http = new SlackHttpServer(bot.app(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http.start();
        bot.incidents().start();
        say("PORT " + http.port());
        Thread.currentThread().join();
    }

    private static synchronized void say(String line) {
        OUT.println(line);
        OUT.flush();
    }
}
