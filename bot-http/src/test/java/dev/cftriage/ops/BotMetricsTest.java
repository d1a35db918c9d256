package dev.cftriage.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BotMetricsTest {
    private final BotMetrics metrics = new BotMetrics();

    @Test
    void aTriageWithItsOwnEvidenceCountsItselfByCodeAndTopCause() {
        metrics.triageFinished(Reports.of(523, true, Reports.STARTED));

        String text = metrics.scrape();
        assertHas(text, "cftriage_triages_total\\{code=\"523\",top_cause=\"origin-refused\"} 1\\.0");
        assertFalse(text.contains("cftriage_singleflight_shares_total 1"), text);
    }

    @Test
    void aProbeTheEngineReportsFinishedIsCountedByKindOutcomeAndDuration() {
        metrics.probeFinished("origin-http", "127.77.0.9:8080", "fail", Duration.ofMillis(40));

        String text = metrics.scrape();
        assertHas(text, "cftriage_probes_total\\{kind=\"origin-http\",status=\"fail\"} 1\\.0");
        assertHas(text, "cftriage_probe_duration_seconds_bucket\\{kind=\"origin-http\",le=\"0\\.05\"} 1");
        assertHas(text, "cftriage_probe_duration_seconds_bucket\\{kind=\"origin-http\",le=\"0\\.025\"} 0");
        assertFalse(text.contains("127.77.0.9"), "the target is no label:\n" + text);
    }

    @Test
    void aTriageWithSharedEvidenceCountsAShareAndNoProbe() {
        metrics.triageFinished(Reports.of(523, true, Reports.STARTED));
        metrics.triageFinished(Reports.of(523, true, Reports.STARTED.minusMillis(200)));

        String text = metrics.scrape();
        assertHas(text, "cftriage_triages_total\\{code=\"523\",top_cause=\"origin-refused\"} 2\\.0");
        assertHas(text, "cftriage_singleflight_shares_total 1\\.0");
        assertFalse(text.contains("cftriage_probes_total{"), "probes are counted as the engine runs them:\n" + text);
    }

    @Test
    void aCodeTheCatalogDoesNotKnowIsLabelledOtherSoLabelsStayFew() {
        metrics.triageFinished(Reports.of(599, false, Reports.STARTED));

        assertHas(metrics.scrape(), "cftriage_triages_total\\{code=\"other\",top_cause=\"origin-refused\"} 1\\.0");
    }

    @Test
    void probesToldOneByOneLandInTheSameHistogram() {
        metrics.probeFinished("edge-http", "ok", Duration.ofMillis(7));

        assertHas(metrics.scrape(), "cftriage_probe_duration_seconds_bucket\\{kind=\"edge-http\",le=\"0\\.01\"} 1");
        assertHas(metrics.scrape(), "cftriage_probes_total\\{kind=\"edge-http\",status=\"ok\"} 1\\.0");
    }

    @Test
    void watchesActiveReadsZeroUntilSetAndQueueDepthIsReadAtEachScrape() {
        int[] depth = {3};
        metrics.queueDepth(() -> depth[0]);
        System.gc();
        assertHas(metrics.scrape(), "cftriage_watches_active 0\\.0");
        assertHas(metrics.scrape(), "cftriage_queue_depth 3\\.0");

        metrics.watchesActive(2);
        depth[0] = 0;

        assertHas(metrics.scrape(), "cftriage_watches_active 2\\.0");
        assertHas(metrics.scrape(), "cftriage_queue_depth 0\\.0");
    }

    @Test
    void refusalsAndChatCallsAreCountedByTheirLabels() {
        metrics.rateLimited("channel");
        metrics.busy();
        metrics.record("chat.postMessage", "429");
        metrics.record("chat.postMessage", "retry");

        String text = metrics.scrape();
        assertHas(text, "cftriage_refusals_rate_limited_total\\{scope=\"channel\"} 1\\.0");
        assertHas(text, "cftriage_refusals_busy_total 1\\.0");
        assertHas(text, "cftriage_chat_calls_total\\{method=\"chat.postMessage\",result=\"429\"} 1\\.0");
        assertHas(text, "cftriage_chat_calls_total\\{method=\"chat.postMessage\",result=\"retry\"} 1\\.0");
    }

    static void assertHas(String metrics, String line) {
        assertTrue(Pattern.compile("(?m)^" + line + "$").matcher(metrics).find(), "no line like " + line + " in\n" + metrics);
    }
}
