package dev.cftriage.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageListener;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.LoopbackAddresses;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * A triage run through the service carries its id in the MDC ({@code triage}) on every engine thread it uses, the
 * probe run's included, so that every log line of one triage can be found by it.
 */
class TriageIdInLogsTest {

    @Test
    void eachTriageHasItsOwnIdOnItsSlotThreadAndOnItsProbeRunsThread() throws Exception {
        List<String> runIds = new CopyOnWriteArrayList<>();
        List<String> finishedIds = new CopyOnWriteArrayList<>();
        TriageListener listener = new TriageListener() {
            @Override
            public void probeRunStarted(String host) {
                runIds.add(MDC.get("triage"));
            }

            @Override
            public void triageFinished(TriageReport report) {
                finishedIds.add(MDC.get("triage"));
            }
        };
        try (CfTriage engine = CfTriage.create(Engines.loopbackLab(Duration.ofSeconds(2)), listener);
             TriageService service = TriageService.create(engine)) {
            String first = LoopbackAddresses.next().getHostAddress();
            String second = LoopbackAddresses.next().getHostAddress();
            service.submit(TriageRequest.of("522 " + first)).get();
            service.submit(TriageRequest.of("522 " + second)).get();
        }

        assertEquals(2, finishedIds.size());
        assertTrue(finishedIds.get(0).matches("[0-9a-f]{12}"), finishedIds.toString());
        assertNotEquals(finishedIds.get(0), finishedIds.get(1));
        assertEquals(finishedIds, runIds, "each probe run's thread carries the id of the triage that started it");
        assertNull(MDC.get("triage"), "the caller's own thread is left alone");
    }
}
