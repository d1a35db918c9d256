package dev.cftriage.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.config.Limits;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The service bounds: a full house answers "busy" at once, and each user and channel has its own allowance. */
class TriageServiceTest {
    private static final Duration BUDGET = Duration.ofMillis(800);

    private static CfTriage engine(Limits limits) {
        return CfTriage.create(Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8080)).limits(limits).build());
    }

    @Test
    void aRequestPastTheOnlySlotAndTheOnlyQueuePlaceIsAnsweredBusyAtOnce() throws Exception {
        InetAddress a = LoopbackAddresses.next();
        InetAddress b = LoopbackAddresses.next();
        InetAddress c = LoopbackAddresses.next();
        try (FaultServer silentA = FaultServer.start(a, 8080, Behaviour.SILENT);
             FaultServer silentB = FaultServer.start(b, 8080, Behaviour.SILENT);
             CfTriage engine = engine(new Limits(Duration.ofSeconds(15), 1, 1, 100, 100));
             TriageService service = TriageService.create(engine)) {
            CompletableFuture<TriageReport> running = service.submit(TriageRequest.of(524, a.getHostAddress()));
            CompletableFuture<TriageReport> queued = service.submit(TriageRequest.of(524, b.getHostAddress()));

            CompletableFuture<TriageReport> refused = service.submit(TriageRequest.of(524, c.getHostAddress()));
            assertTrue(refused.isDone(), "answered busy at once: the future was complete when submit returned");
            CompletionException e = assertThrows(CompletionException.class, () -> refused.getNow(null));
            BusyException busy = assertInstanceOf(BusyException.class, e.getCause());
            assertTrue(busy.getMessage().matches("cf-triage is busy with other triages; try again in \\d+ s"), busy.getMessage());
            assertTrue(busy.retryAfter().compareTo(BUDGET) >= 0, "retry after " + busy.retryAfter());

            assertNotNull(running.get(5, TimeUnit.SECONDS));
            assertNotNull(queued.get(5, TimeUnit.SECONDS));
            assertNotNull(service.submit(TriageRequest.of(524, c.getHostAddress())).get(5, TimeUnit.SECONDS),
                    "with the slot free again the request runs");
        }
    }

    @Test
    void aUserOverTheirAllowanceIsLimitedWhileOthersInTheChannelAreNot() {
        try (CfTriage engine = engine(new Limits(Duration.ofSeconds(15), 1, 1, 2, 100));
             TriageService service = TriageService.create(engine)) {
            assertInstanceOf(Admission.Admitted.class, service.admit("slack:U1", "slack:C1"));
            assertInstanceOf(Admission.Admitted.class, service.admit("slack:U1", "slack:C1"));
            Admission third = service.admit("slack:U1", "slack:C1");
            Admission.Limited limited = assertInstanceOf(Admission.Limited.class, third);
            assertEquals("user", limited.scope());
            assertTrue(limited.retryAfter().compareTo(Duration.ZERO) > 0
                    && limited.retryAfter().compareTo(Duration.ofSeconds(30)) <= 0, limited.retryAfter().toString());
            assertTrue(limited.message().startsWith("You are asking for triages faster"), limited.message());

            assertInstanceOf(Admission.Admitted.class, service.admit("slack:U2", "slack:C1"));
            assertInstanceOf(Admission.Admitted.class, service.admit("discord:U1", "discord:C9"), "platforms apart");
        }
    }

    @Test
    void aChannelOverItsAllowanceIsLimitedWhateverTheUser() {
        try (CfTriage engine = engine(new Limits(Duration.ofSeconds(15), 1, 1, 100, 3));
             TriageService service = TriageService.create(engine)) {
            for (int user = 0; user < 3; user++) {
                assertInstanceOf(Admission.Admitted.class, service.admit("slack:U" + user, "slack:C1"));
            }
            Admission.Limited limited = assertInstanceOf(Admission.Limited.class, service.admit("slack:U9", "slack:C1"));
            assertEquals("channel", limited.scope());
            assertTrue(limited.message().startsWith("This channel is asking"), limited.message());
            assertInstanceOf(Admission.Admitted.class, service.admit("slack:U9", "slack:C2"), "another channel is free");
        }
    }

    @Test
    void aRequestRefusedForTheUserTakesNothingFromTheChannel() {
        try (CfTriage engine = engine(new Limits(Duration.ofSeconds(15), 1, 1, 1, 2));
             TriageService service = TriageService.create(engine)) {
            assertInstanceOf(Admission.Admitted.class, service.admit("slack:U1", "slack:C1"));
            for (int i = 0; i < 5; i++) {
                assertInstanceOf(Admission.Limited.class, service.admit("slack:U1", "slack:C1"));
            }
            assertInstanceOf(Admission.Admitted.class, service.admit("slack:U2", "slack:C1"),
                    "the channel still has its second request");
        }
    }

    @Test
    void aRequestRefusedForTheChannelTakesNothingFromTheUser() {
        try (CfTriage engine = engine(new Limits(Duration.ofSeconds(15), 1, 1, 2, 1));
             TriageService service = TriageService.create(engine)) {
            assertInstanceOf(Admission.Admitted.class, service.admit("slack:U1", "slack:C1"));
            assertInstanceOf(Admission.Limited.class, service.admit("slack:U1", "slack:C1"), "the channel is spent");
            assertInstanceOf(Admission.Admitted.class, service.admit("slack:U1", "slack:C2"),
                    "the user still has the request the busy channel did not use");
        }
    }
}
