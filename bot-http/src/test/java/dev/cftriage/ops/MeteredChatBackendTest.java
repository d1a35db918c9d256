package dev.cftriage.ops;

import static dev.cftriage.ops.BotMetricsTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.TriageRequest;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.BusyException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeteredChatBackendTest {
    private final BotMetrics metrics = new BotMetrics();
    private final TestBackend triages = new TestBackend();
    private final MeteredChatBackend backend = new MeteredChatBackend(triages, metrics);

    @Test
    void aRequestOverTheRateLimitIsCountedByScopeAndStillRefused() {
        triages.admission = TestBackend.limited("user");

        assertTrue(backend.admit("slack:user:U1", "slack:channel:C1") instanceof Admission.Limited);
        assertHas(metrics.scrape(), "cftriage_refusals_rate_limited_total\\{scope=\"user\"} 1\\.0");
    }

    @Test
    void aTriageRefusedAsBusyIsCountedButOtherFailuresAreNot() {
        backend.submit(TriageRequest.of("522 example.test"));
        backend.submit(TriageRequest.of("522 example.test"));

        triages.triages.remove().completeExceptionally(new BusyException(Duration.ofSeconds(5)));
        triages.triages.remove().completeExceptionally(new IllegalStateException("a bug"));

        assertHas(metrics.scrape(), "cftriage_refusals_busy_total 1\\.0");
        assertFalse(backend.admit("u", "c") instanceof Admission.Limited);
    }
}
