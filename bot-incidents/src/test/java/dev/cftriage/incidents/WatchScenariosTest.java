package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WatchScenariosTest {
    private static final Requester ALICE = new Requester("alice", "C-oncall");
    private static final Requester BOB = new Requester("bob", "C-support");

    @TempDir
    Path dataDir;

    enum Store {
        EMBEDDED, POSTGRES
    }

    private IncidentSettings settings(Store store) {
        return store == Store.EMBEDDED ? Databases.embedded(dataDir) : Databases.postgres();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aWatchPostsOnlyChangesAndEndsWithRecoveredAndTheOutagesDuration(Store store) throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        String host = origin.getHostAddress();
        try (Lab lab = new Lab(settings(store), new FakeChannel(), "bot-1")) {
            Lab.Reply.Reported first = assertInstanceOf(Lab.Reply.Reported.class, lab.triage(host, ALICE));
            assertTrue(first.filed().opened(), "a refused origin opens an incident");
            assertInstanceOf(WatchStart.Started.class, lab.mode.desk().watch(host, ALICE));
            assertEquals(List.of("WATCHING"), lab.channel.marks());
            assertEquals(1, lab.channel.threadTexts().size());
            assertTrue(lab.channel.threadTexts().get(0).startsWith("Watching " + host + " every 2s"),
                    lab.channel.threadTexts().get(0));

            lab.nextInterval();
            lab.nextInterval();
            assertEquals(1, lab.channel.threadTexts().size(), "nothing changed, nothing posted: " + lab.channel.threadTexts());
            assertEquals(3, lab.triages.get(), "the first triage and one run per interval");

            try (FaultServer up = FaultServer.start(origin, 8080, Behaviour.OK)) {
                lab.nextInterval();
                List<String> posts = lab.channel.threadTexts();
                assertEquals(2, posts.size(), posts.toString());
                assertTrue(posts.get(1).startsWith("Changed at 2026-11-30 10:00:06 UTC (+6s):"), posts.get(1));
                assertTrue(posts.get(1).contains("origin-tcp " + host + ":8080: fail → ok"), posts.get(1));
                assertTrue(posts.get(1).contains("ruled out: "), posts.get(1));

                lab.nextInterval();
                posts = lab.channel.threadTexts();
                assertEquals(3, posts.size(), posts.toString());
                assertTrue(posts.get(2).startsWith("Recovered: " + host + " answers again since 2026-11-30 10:00:06 UTC"),
                        posts.get(2));
                assertTrue(posts.get(2).contains("The outage lasted 6s (since 2026-11-30 10:00:00 UTC)"), posts.get(2));
                assertEquals(List.of("WATCHING", "RECOVERED"), lab.channel.marks());

                int runs = lab.triages.get();
                lab.nextInterval();
                assertEquals(runs, lab.triages.get(), "a recovered watch runs no more");
                assertEquals(3, lab.channel.threadTexts().size());
                assertTrue(lab.mode.desk().openIncidents().isEmpty(), "recovery closes the incident");
                assertTrue(up.accepted() >= 2, "the origin was probed by the two healthy runs");
            }
            Timeline timeline = lab.mode.desk().timeline(host).orElseThrow();
            assertEquals(List.of(EventKind.OPENED, EventKind.ACTION, EventKind.WATCH, EventKind.CHANGE, EventKind.RECOVERED),
                    timeline.events().stream().map(TimelineEvent::kind).toList());
            assertEquals(List.of(1, 2, 3, 4, 5), timeline.events().stream().map(TimelineEvent::seq).toList());
            String text = TimelineText.text(timeline);
            assertTrue(text.contains("Recovered: 2026-11-30 10:00:06 UTC (lasted 6s)"), text);
            assertTrue(text.contains("\n2026-11-30 10:00:00 UTC (+0s) opened: first report: 521 "), text);
            assertTrue(text.contains("\n2026-11-30 10:00:06 UTC (+6s) change: origin-tcp " + host + ":8080: fail → ok"), text);
            assertTrue(text.contains("\n2026-11-30 10:00:08 UTC (+8s) recovered: recovered at 2026-11-30 10:00:06 UTC"), text);
        }
    }

    @Test
    void aSecondTriageOfTheSameHostJoinsTheIncidentAndStartsNoProbeRun() {
        String host = LoopbackAddresses.next().getHostAddress();
        try (Lab lab = new Lab(Databases.embedded(dataDir), new FakeChannel(), "bot-1")) {
            lab.triage(host, ALICE);
            int triages = lab.triages.get();

            Lab.Reply.Joined joined = assertInstanceOf(Lab.Reply.Joined.class, lab.triage(host + ".", BOB));
            assertEquals(triages, lab.triages.get(), "no new probe run");
            assertEquals("https://chat.invalid/archives/C-oncall/pm1", joined.incident().link());
            assertTrue(joined.incident().verdict().startsWith("521 "), joined.incident().verdict());
            assertEquals(host, joined.incident().host());

            Timeline timeline = lab.mode.desk().timeline(host).orElseThrow();
            TimelineEvent last = timeline.events().get(timeline.events().size() - 1);
            assertEquals(EventKind.JOINED, last.kind());
            assertEquals("bob in C-support", last.actor());
            assertEquals(List.of(host), lab.mode.desk().openIncidents().stream().map(IncidentSummary::host).toList());
        }
    }

    @Test
    void anAlertsEndReachesEveryIncidentItsStartWasRecordedInOnceEach() {
        String a = LoopbackAddresses.next().getHostAddress();
        String b = LoopbackAddresses.next().getHostAddress();
        try (Lab lab = new Lab(Databases.embedded(dataDir), new FakeChannel(), "bot-1")) {
            IncidentDesk desk = lab.mode.desk();
            lab.triage(a, ALICE);
            lab.triage(b, ALICE);
            assertEquals(AlertRecord.RECORDED, desk.recordAlert(a, "zone-corr", false, "Origin Error Rate alert"));
            assertEquals(AlertRecord.RECORDED, desk.recordAlert(b, "zone-corr", false, "Origin Error Rate alert"),
                    "one alert about a zone concerns each of its hosts' incidents");

            assertEquals(List.of(a, b), desk.recordAlertEnd("zone-corr", "Origin Error Rate alert"));
            assertEquals(List.of(), desk.recordAlertEnd("zone-corr", "Origin Error Rate alert"), "a retried end");
            assertEquals(List.of("Cloudflare reports the alert ended: Origin Error Rate alert",
                    "Cloudflare reports the alert ended: Origin Error Rate alert"), lab.channel.threadTexts());
        }
    }

    @Test
    void aCloudflareAlertJoinsTheTimelineOnceAndItsEndIsToldInTheThread() {
        String host = LoopbackAddresses.next().getHostAddress();
        try (Lab lab = new Lab(Databases.embedded(dataDir), new FakeChannel(), "bot-1")) {
            IncidentDesk desk = lab.mode.desk();
            assertEquals(AlertRecord.NO_INCIDENT, desk.recordAlert(host, "corr-1", false, "Origin Error Rate alert"));
            lab.triage(host, ALICE);
            assertEquals(AlertRecord.RECORDED, desk.recordAlert(host, "corr-1", false, "Origin Error Rate alert"));
            assertEquals(AlertRecord.REPEAT, desk.recordAlert(host, "corr-1", false, "Origin Error Rate alert"));
            assertEquals(List.of(), lab.channel.threadTexts(), "a start is told by the triage, not by a line of its own");
            assertEquals(AlertRecord.RECORDED, desk.recordAlert(host, "corr-1", true, "Origin Error Rate alert"));
            assertEquals(AlertRecord.REPEAT, desk.recordAlert(host, "corr-1", true, "Origin Error Rate alert"));
            assertEquals(List.of("Cloudflare reports the alert ended: Origin Error Rate alert"), lab.channel.threadTexts());
            assertEquals(List.of(EventKind.OPENED, EventKind.ALERT, EventKind.ALERT),
                    desk.timeline(host).orElseThrow().events().stream().map(TimelineEvent::kind).toList());
        }
    }

    @Test
    void aHealthyHostOpensNoIncidentAndCannotBeWatched() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer up = FaultServer.start(origin, 8080, Behaviour.OK);
             Lab lab = new Lab(Databases.embedded(dataDir), new FakeChannel(), "bot-1")) {
            Lab.Reply.Reported reported = assertInstanceOf(Lab.Reply.Reported.class,
                    lab.triage(origin.getHostAddress(), ALICE));
            assertFalse(reported.filed().opened());
            WatchStart.Refused refused = assertInstanceOf(WatchStart.Refused.class,
                    lab.mode.desk().watch(origin.getHostAddress(), ALICE));
            assertTrue(refused.reason().contains("nothing to watch"), refused.reason());
            String token = reported.filed().memory().token();
            assertTrue(lab.mode.desk().recall(token).isPresent(), "its buttons still find the report");
            assertTrue(reported.filed().memory().supportBundle().contains(origin.getHostAddress()));
            lab.clock.advance(java.time.Duration.ofDays(31));
            assertEquals(1, lab.mode.desk().forgetReportsOlderThan(java.time.Duration.ofDays(30)));
            assertTrue(lab.mode.desk().recall(token).isEmpty(), "a month later it is forgotten");
            assertTrue(lab.mode.desk().recall("not a token' OR '1'='1").isEmpty());
        }
    }

    @Test
    void aWatchBeyondMaxActiveSaysWhyAndStoppingOneByHandFreesAPlace() {
        String first = LoopbackAddresses.next().getHostAddress();
        String second = LoopbackAddresses.next().getHostAddress();
        try (Lab lab = new Lab(Databases.embedded(dataDir).withMaxActive(1), new FakeChannel(), "bot-1")) {
            lab.triage(first, ALICE);
            lab.triage(second, ALICE);
            assertInstanceOf(WatchStart.Started.class, lab.mode.desk().watch(first, ALICE));
            assertInstanceOf(WatchStart.AlreadyWatching.class, lab.mode.desk().watch(first, BOB));
            WatchStart.Refused refused = assertInstanceOf(WatchStart.Refused.class, lab.mode.desk().watch(second, ALICE));
            assertTrue(refused.reason().contains("watch.maxActive is 1"), refused.reason());

            assertTrue(lab.mode.desk().stopWatching(first, BOB));
            assertTrue(lab.channel.threadTexts().get(1).startsWith("Stopped watching (by bob in C-support)"),
                    lab.channel.threadTexts().toString());
            assertEquals(List.of("WATCHING", "STOPPED"), lab.channel.marks());
            int runs = lab.triages.get();
            lab.nextInterval();
            assertEquals(runs, lab.triages.get(), "a stopped watch runs no more");
            assertInstanceOf(WatchStart.Started.class, lab.mode.desk().watch(second, ALICE));
        }
    }

    @Test
    void aWatchEndsAfterMaxDurationAndSaysSo() {
        String host = LoopbackAddresses.next().getHostAddress();
        IncidentSettings settings = Databases.embedded(dataDir).withMaxDuration(java.time.Duration.ofSeconds(5));
        try (Lab lab = new Lab(settings, new FakeChannel(), "bot-1")) {
            lab.triage(host, ALICE);
            lab.mode.desk().watch(host, ALICE);
            lab.nextInterval();
            lab.nextInterval();
            assertEquals(1, lab.channel.threadTexts().size());
            lab.nextInterval();
            List<String> posts = lab.channel.threadTexts();
            assertEquals(2, posts.size(), posts.toString());
            assertTrue(posts.get(1).startsWith("Stopped watching after 5s (watch.maxDuration): " + host
                    + " had not recovered. Last verdict: 521"), posts.get(1));
            assertEquals(List.of("WATCHING", "GAVE_UP"), lab.channel.marks());
        }
    }
}
