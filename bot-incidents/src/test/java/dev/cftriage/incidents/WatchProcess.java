package dev.cftriage.incidents;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A bot process for {@link TwoProcessesTest}: incident mode on a PostgreSQL database with the real clock and the
 * watcher ticking, and a platform that prints what it is told on stdout, one line each: {@code POST key text}
 * (newlines as {@code \n}), {@code MARK status}, and {@code RUN} for each triage handed to the engine. With
 * {@code open HOST} it first triages the host, files the report and starts a watch ({@code WATCHING}). It prints
 * {@code READY} once ticking and runs until killed.
 *
 * <p>Arguments: JDBC URL, lease name, interval in milliseconds, then {@code follow} or {@code open HOST}.
 */
public final class WatchProcess {
    private static final PrintStream OUT = System.out;

    private WatchProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String holder = args[1];
        Duration interval = Duration.ofMillis(Long.parseLong(args[2]));
        IncidentSettings settings = IncidentSettings.defaults()
                .withDatabase(Path.of("unused"), url, "postgres", null).withInterval(interval);
        IncidentChannel printing = new IncidentChannel() {
            @Override
            public void postInThread(RootMessage root, String key, String text) {
                say("POST " + key + " " + text.replace("\n", "\\n"));
            }

            @Override
            public void updateRootStatus(RootMessage root, RootStatus status, String text) {
                say("MARK " + status);
            }

            @Override
            public String permalink(RootMessage root) {
                return "https://chat.invalid/" + root.channel() + "/" + root.message();
            }
        };
        CfTriage engine = CfTriage.create(Engines.loopbackLab(Duration.ofMillis(1500)).toBuilder().ports(List.of(8080)).build());
        IncidentDatabase database = IncidentDatabase.open(settings);
        IncidentMode mode = IncidentMode.create(database, settings, printing, request -> {
            say("RUN");
            return engine.runAsync(request);
        }, Clock.systemUTC(), holder);
        if (args[3].equals("open")) {
            open(mode, engine, args[4]);
        }
        mode.start();
        say("READY");
        Thread.currentThread().join();
    }

    private static void open(IncidentMode mode, CfTriage engine, String host) {
        Requester who = new Requester("alice", "C-oncall");
        TriageRequest request = TriageRequest.of(521, host);
        TriageReport report = engine.run(request);
        mode.desk().file(host, request, report, who, new RootMessage("C-oncall", "m1"));
        if (mode.desk().watch(host, who) instanceof WatchStart.Started) {
            say("WATCHING");
        }
    }

    private static synchronized void say(String line) {
        OUT.println(line);
        OUT.flush();
    }
}
