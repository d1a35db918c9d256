package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.testing.ChildJvm;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes (child JVMs) on one real PostgreSQL: one watch, run by exactly one of them; SIGKILL the holder
 * and the other takes the watch over within two intervals, then reports the recovery; every post is made once.
 */
class TwoProcessesTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path logs;

    @Test
    void killingTheHolderHandsTheWatchToTheOtherProcessWithinTwoIntervalsAndEachChangeIsPostedOnce() throws Exception {
        IncidentSettings settings = Databases.postgres();
        try (IncidentDatabase migrated = IncidentDatabase.open(settings)) {
            assertTrue(migrated.shared());
        }
        InetAddress origin = LoopbackAddresses.next();
        String host = origin.getHostAddress();
        String interval = Long.toString(INTERVAL.toMillis());
        try (ChildJvm first = ChildJvm.start(logs.resolve("first.err"), WatchProcess.class, settings.databaseUrl(), "first", interval,
                "open", host);
             ChildJvm second = ChildJvm.start(logs.resolve("second.err"), WatchProcess.class, settings.databaseUrl(), "second",
                     interval, "follow")) {
            first.await("WATCHING"::equals, 120, "WATCHING");
            second.await("READY"::equals, 120, "READY");
            long runsBefore = count(first.lines(), "RUN");
            first.await(line -> count(first.lines(), "RUN") >= runsBefore + 2, 60, "two more runs");
            assertEquals(0, count(second.lines(), "RUN"), "the second process leaves the held watch alone");
            assertEquals("first", holder(settings));

            long killedAt = System.nanoTime();
            first.kill();
            while (!"second".equals(holder(settings))) {
                assertTrue(System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(60), "no takeover");
                TimeUnit.MILLISECONDS.sleep(20);
            }
            long handoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            System.out.println("HANDOVER_MS " + handoverMs + " (interval " + INTERVAL.toMillis() + " ms)");
            assertTrue(handoverMs < 2 * INTERVAL.toMillis(), "handed over in " + handoverMs + " ms");

            try (FaultServer up = FaultServer.start(origin, 8080, Behaviour.OK)) {
                second.await(line -> line.startsWith("POST ") && line.contains(" Recovered: "), 60, "Recovered");
                second.await("MARK RECOVERED"::equals, 10, "the recovered mark");
            }
            List<String> posts = new ArrayList<>();
            posts.addAll(first.lines().stream().filter(l -> l.startsWith("POST ")).toList());
            posts.addAll(second.lines().stream().filter(l -> l.startsWith("POST ")).toList());
            List<String> keys = posts.stream().map(l -> l.split(" ", 3)[1]).toList();
            assertEquals(keys.size(), new HashSet<>(keys).size(), "each post once: " + posts);
            assertEquals(1, posts.stream().filter(p -> p.contains(" Watching " + host)).count(), posts.toString());
            assertEquals(1, posts.stream().filter(p -> p.contains("origin-tcp " + host + ":8080: fail → ok")).count(),
                    posts.toString());
            assertEquals(1, posts.stream().filter(p -> p.contains(" Recovered: ")).count(), posts.toString());
            assertEquals(3, posts.size(), "watching, the change, recovered: " + posts);
        }
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }

    private static String holder(IncidentSettings settings) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.databaseUrl(), settings.databaseUser(), "");
             PreparedStatement s = c.prepareStatement("SELECT holder FROM watch WHERE lease_expires_at >= ?")) {
            s.setLong(1, System.currentTimeMillis());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
