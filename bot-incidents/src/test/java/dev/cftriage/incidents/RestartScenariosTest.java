package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartScenariosTest {
    private static final Requester ALICE = new Requester("alice", "C-oncall");

    @TempDir
    Path dataDir;

    @Test
    void aBotKilledMidRunResumesFromTheSameDataDirAndPostsNothingTwice() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        String host = origin.getHostAddress();
        FakeChannel slack = new FakeChannel();
        Lab before = new Lab(Databases.embedded(dataDir), slack, "bot/101");
        String buttonToken = ((Lab.Reply.Reported) before.triage(host, ALICE)).filed().memory().token();
        before.mode.desk().watch(host, ALICE);
        before.nextInterval();

        try (FaultServer up = FaultServer.start(origin, 8080, Behaviour.OK)) {
            CompletableFuture<Void> stuck = new CompletableFuture<>();
            before.gate = stuck;
            before.clock.advance(Lab.INTERVAL);
            CompletableFuture<Void> inFlight = before.mode.watcher().tick();
            assertFalse(inFlight.isDone(), "the killed bot's run is still in flight");

            try (Lab after = new Lab(Databases.embedded(dataDir), slack, "bot/202")) {
                after.clock.advance(Lab.INTERVAL.multipliedBy(2));
                after.mode.watcher().tick().join();
                assertEquals(2, slack.threadTexts().size(), slack.threadTexts().toString());
                assertTrue(slack.threadTexts().get(1).contains("origin-tcp " + host + ":8080: fail → ok"));

                stuck.complete(null);
                inFlight.join();
                assertEquals(2, slack.threadTexts().size(), "the dead bot's late run posts nothing: " + slack.threadTexts());

                after.nextInterval();
                List<String> posts = slack.threadTexts();
                assertEquals(3, posts.size(), posts.toString());
                assertTrue(posts.get(2).startsWith("Recovered: " + host), posts.get(2));
                assertEquals(List.of("WATCHING", "RECOVERED"), slack.marks());
                List<String> keys = slack.told().stream().map(FakeChannel.Told::key).filter(k -> k != null).toList();
                assertEquals(keys.size(), new HashSet<>(keys).size(), "each post once: " + keys);
                assertTrue(after.mode.desk().recall(buttonToken).isPresent(), "a button from before the restart works");
            }
        } finally {
            before.close();
        }
    }

    @Test
    void aReplicaStoppedCleanlyHandsItsWatchToTheOtherAtItsNextTick() {
        String host = LoopbackAddresses.next().getHostAddress();
        IncidentSettings postgres = Databases.postgres();
        FakeChannel slack = new FakeChannel();
        try (Lab other = new Lab(postgres, slack, "replica-b")) {
            Lab stopping = new Lab(postgres, slack, "replica-a");
            stopping.triage(host, ALICE);
            stopping.mode.desk().watch(host, ALICE);
            other.clock.advance(Lab.INTERVAL);
            int runs = other.triages.get();
            other.mode.watcher().tick().join();
            assertEquals(runs, other.triages.get(), "the watch is replica-a's while its lease lasts");

            stopping.close();
            other.mode.watcher().tick().join();
            assertEquals(runs + 1, other.triages.get(), "replica-b runs it at once, without waiting for the lease");
            assertEquals(1, slack.threadTexts().size(), "nothing changed, nothing posted: " + slack.threadTexts());
        }
    }

    @Test
    void aPostRecordedByABotThatDiedBeforePostingIsPostedOnceByTheNextBot() {
        String host = LoopbackAddresses.next().getHostAddress();
        FakeChannel slack = new FakeChannel();
        try (Lab lab = new Lab(Databases.embedded(dataDir), slack, "bot/303")) {
            long incident = ((Lab.Reply.Reported) lab.triage(host, ALICE)).filed().incident().id();
            Jdbc jdbc = new Jdbc(lab.database.dataSource());
            jdbc.inTransaction(c -> {
                Outbox.enqueue(c, incident, "left-by-a-dead-bot", OutboxRow.THREAD, "a change nobody posted", Lab.START);
                return null;
            });
            lab.mode.watcher().tick().join();
            assertEquals(List.of(), slack.threadTexts(), "a fresh row may still be its recorder's to post");

            lab.clock.advance(Lab.INTERVAL.plusMillis(1));
            lab.mode.watcher().tick().join();
            lab.mode.watcher().tick().join();
            assertEquals(List.of("a change nobody posted"), slack.threadTexts());
        }
    }
}
