package dev.cftriage.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.TriageRequest;
import dev.cftriage.input.BadInputException;
import dev.cftriage.report.CodeSummary;
import dev.cftriage.report.InputSummary;
import dev.cftriage.report.Steps;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What every chat platform shares: scenarios against a scripted backend and a clock the test moves. */
class ChatSessionTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final ScriptedBackend backend = new ScriptedBackend();
    private final ChatSession session = new ChatSession("slack", backend,
            ReportMemory.inMemory(2, Duration.ofHours(1), clock), clock, Duration.ofSeconds(30));

    @Test
    void aDeliveryRetriedByThePlatformIsHandledOnce() {
        assertTrue(session.firstDelivery("C1:1700000000.1"));
        assertFalse(session.firstDelivery("C1:1700000000.1"));
        assertTrue(session.firstDelivery("C1:1700000000.2"));
    }

    @Test
    void aDeliveryIdIsForgottenAfterTheDeliveryWindow() {
        session.firstDelivery("E1");
        clock.advance(ChatSession.DELIVERY_WINDOW.plusSeconds(1));
        assertTrue(session.firstDelivery("E1"));
    }

    @Test
    void twoPlatformsNeverShareADeliveryIdOrAnAllowance() {
        ChatSession discord = new ChatSession("discord", backend,
                ReportMemory.inMemory(2, Duration.ofHours(1), clock), clock, Duration.ofSeconds(30));
        session.firstDelivery("123");
        assertTrue(discord.firstDelivery("123"));

        session.admit("U1", "C1");
        discord.admit("U1", "C1");
        assertEquals(List.of("slack:user:U1 slack:channel:C1", "discord:user:U1 discord:channel:C1"), backend.admitted);
    }

    @Test
    void aRequestOverTheRateLimitGetsTheLineThatSaysWhenToRetry() {
        backend.limited = true;
        Optional<ChatFailure> refused = session.admit("U1", "C1");

        assertEquals(ChatFailure.Kind.RATE_LIMITED, refused.orElseThrow().kind());
        assertTrue(refused.get().line().contains("try again in 7 s"), refused.get().line());
        backend.limited = false;
        assertTrue(session.admit("U1", "C1").isEmpty());
    }

    @Test
    void aFinishedTriageIsAnsweredWithItsReport() {
        TriageOutcome outcome = session.triage(TriageRequest.of(521, "example.com")).join();
        assertEquals(backend.report, assertInstanceOf(TriageOutcome.Answered.class, outcome).report());
    }

    @Test
    void aBusyEngineAndBadInputAreToldInTheirOwnWords() {
        backend.next = CompletableFuture.failedFuture(new BusyException(Duration.ofSeconds(4)));
        ChatFailure busy = failure(session.triage(TriageRequest.of("x")).join());
        backend.next = CompletableFuture.failedFuture(new BadInputException("no host, URL or code found"));
        ChatFailure bad = failure(session.triage(TriageRequest.of("x")).join());

        assertEquals(ChatFailure.Kind.BUSY, busy.kind());
        assertTrue(busy.line().contains("busy"), busy.line());
        assertTrue(busy.worthTellingUnprompted());
        assertEquals(new ChatFailure(ChatFailure.Kind.BAD_INPUT, "no host, URL or code found"), bad);
        assertFalse(bad.worthTellingUnprompted());
    }

    @Test
    void aBugIsNeverShownToTheUserAsItsMessage() {
        backend.next = CompletableFuture.failedFuture(new IllegalStateException("secret internals at line 12"));
        ChatFailure bug = failure(session.triage(TriageRequest.of("x")).join());

        assertEquals(ChatFailure.Kind.INTERNAL, bug.kind());
        assertEquals(ChatFailure.INTERNAL, bug.line());
    }

    @Test
    void aBackendThatThrowsInsteadOfFailingTheFutureStillGetsAnAnswer() {
        backend.throwOnSubmit = true;
        assertEquals(ChatFailure.Kind.INTERNAL, failure(session.triage(TriageRequest.of("x")).join()).kind());
    }

    @Test
    void aTriageThatOutlivesTheWaitLimitIsAnsweredWithTheGaveUpLine() {
        ChatSession impatient = new ChatSession("slack", backend,
                ReportMemory.inMemory(2, Duration.ofHours(1), clock), clock, Duration.ofMillis(1));
        backend.next = new CompletableFuture<>();

        ChatFailure late = failure(impatient.triage(TriageRequest.of("x")).join());
        assertEquals(new ChatFailure(ChatFailure.Kind.TIMED_OUT, ChatFailure.TIMED_OUT), late);
        assertFalse(backend.next.isDone(), "the engine's own future is left to the engine");
    }

    @Test
    void aButtonFindsTheReportRememberedUnderItsKeyUntilItExpires() {
        TriageRequest request = TriageRequest.of(521, "example.com");
        session.remember("C1:1.0", request, backend.report);

        assertEquals(new ReportMemory.Remembered(request, backend.report), session.recall("C1:1.0").orElseThrow());
        clock.advance(Duration.ofMinutes(59));
        assertTrue(session.recall("C1:1.0").isPresent(), "reading keeps it");
        clock.advance(Duration.ofMinutes(61));
        assertTrue(session.recall("C1:1.0").isEmpty());
    }

    @Test
    void theReportMemoryHoldsNoMoreThanItsBound() {
        TriageRequest request = TriageRequest.of("x");
        for (String key : List.of("a", "b", "c", "d")) {
            session.remember(key, request, backend.report);
        }
        long kept = List.of("a", "b", "c", "d").stream().filter(k -> session.recall(k).isPresent()).count();
        assertEquals(2, kept);
    }

    @Test
    void aReRunWithoutThePreviousReportSaysSoInsteadOfComparing() {
        assertEquals(List.of(ChatSession.NO_PREVIOUS), session.changes(null, backend.report));
        assertEquals(List.of("edge 523 → 200"), session.changes(backend.report, backend.report));
    }

    @Test
    void keysForButtonsAreFreshEachTime() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(session.newKey());
        }
        assertEquals(100, keys.stream().distinct().count());
        assertTrue(keys.stream().allMatch(k -> k.matches("[0-9a-z]{1,13}")), keys.toString());
    }

    @Test
    void theCommandCodesAreReadOnceAndComeInTheCatalogsOrder() {
        List<CommandCode> codes = ChatSession.commandCodes();
        assertTrue(codes == ChatSession.commandCodes(), "the same list, not a second read of the catalog");
        assertTrue(codes.stream().anyMatch(c -> c.code() == 521));
        assertNotEquals(0, codes.size());
    }

    private static ChatFailure failure(TriageOutcome outcome) {
        return assertInstanceOf(TriageOutcome.Failed.class, outcome).failure();
    }

    /** A backend whose answers the test sets, recording the admission keys it was asked about. */
    private static final class ScriptedBackend implements ChatBackend {
        final List<String> admitted = new CopyOnWriteArrayList<>();
        final TriageReport report = new TriageReport(
                new InputSummary(521, null, null, null, null, "example.com", null, null, null, null, null, List.of(),
                        false, List.of()),
                new CodeSummary(521, null, "Web server is down", "The origin refused.", "origin", "command", true),
                null, List.of(), List.of(), Steps.NONE, false, List.of(), START, START, 10);
        volatile boolean limited;
        volatile boolean throwOnSubmit;
        volatile CompletableFuture<TriageReport> next;

        @Override
        public Admission admit(String userKey, String channelKey) {
            admitted.add(userKey + " " + channelKey);
            return limited ? new Admission.Limited("user", Duration.ofSeconds(7)) : new Admission.Admitted();
        }

        @Override
        public CompletableFuture<TriageReport> submit(TriageRequest request) {
            if (throwOnSubmit) {
                throw new IllegalStateException("pool closed");
            }
            return next != null ? next : CompletableFuture.completedFuture(report);
        }

        @Override
        public boolean describesError(String text) {
            return false;
        }

        @Override
        public List<String> changes(TriageReport before, TriageReport after) {
            return List.of("edge 523 → 200");
        }

        @Override
        public String supportBundle(TriageReport report) {
            return "bundle";
        }
    }
}
