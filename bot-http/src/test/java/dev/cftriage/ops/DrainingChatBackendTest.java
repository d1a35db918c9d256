package dev.cftriage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.TriageRequest;
import dev.cftriage.ZoneHosts;
import dev.cftriage.chat.BusyException;
import dev.cftriage.report.TriageReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class DrainingChatBackendTest {
    private final TestBackend triages = new TestBackend();
    private final DrainingChatBackend backend = new DrainingChatBackend(triages, Duration.ofSeconds(30));

    @Test
    void afterDrainANewTriageFailsAtOnceTellingTheUserToRetry() {
        backend.drain();

        CompletableFuture<TriageReport> refused = backend.submit(TriageRequest.of("522 example.test"));

        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, refused::get);
        assertTrue(failure.getCause() instanceof BusyException);
        assertEquals("cf-triage is busy with other triages; try again in 30 s", failure.getCause().getMessage());
        assertTrue(triages.triages.isEmpty(), "the engine was not asked");
    }

    @Test
    void aTriageInFlightRunsOnAfterDrainAndTheBackendIsIdleOnlyOnceItsCallbackRan() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        backend.submit(TriageRequest.of("522 example.test")).whenComplete((report, error) -> {
            try {
                seen.add("callback, idle: " + backend.awaitIdle(Duration.ZERO));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        backend.drain();
        assertFalse(backend.awaitIdle(Duration.ZERO), "in flight");

        triages.triages.remove().complete(Reports.of(522, true, Reports.STARTED));

        assertTrue(backend.awaitIdle(Duration.ZERO));
        assertEquals(List.of("callback, idle: false"), seen);
    }

    @Test
    void aFailedTriageCountsAsFinishedToo() throws Exception {
        CompletableFuture<TriageReport> triage = backend.submit(TriageRequest.of("522 example.test"));

        triages.triages.remove().completeExceptionally(new IllegalStateException("boom"));

        assertTrue(backend.awaitIdle(Duration.ZERO));
        assertTrue(triage.isCompletedExceptionally());
    }

    @Test
    void aZonesProxiedHostsAreAskedOfTheBackendBehindIt() {
        assertEquals(new ZoneHosts.Proxied("example.test", List.of("www.example.test"), 0, false),
                backend.proxiedHosts("example.test").join());
    }
}
