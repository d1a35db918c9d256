package dev.cftriage.internal.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.StatusPageFacts;
import dev.cftriage.testing.FakeCloudflare;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class StatusPageTest {
    private static final String SUMMARY = "/api/v2/summary.json";

    @Test
    void unresolvedIncidentsAndDegradedDataCentresAreRead() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route(SUMMARY, "status-summary-fra-incident.json");
             StatusPage page = new StatusPage(fake.statusUrl(), Duration.ofSeconds(2))) {
            StatusPageFacts facts = page.summary().get();

            assertEquals(1, facts.incidents().size(), "the resolved incident is left out");
            assertEquals("https://stspg.io/fra502", facts.incidentsAt("FRA").get(0).link());
            assertTrue(facts.incidentsAt("AMS").isEmpty());
            assertEquals("partial_outage", facts.degradedAt("fra").status());
            assertNull(facts.degradedAt("LAX"));
            assertEquals(3, facts.dataCentres());
            assertEquals("minor", facts.indicator());
        }
    }

    @Test
    void theSummaryIsFetchedOnceAMinute() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route(SUMMARY, "status-summary-ok.json");
             StatusPage page = new StatusPage(fake.statusUrl(), Duration.ofSeconds(2))) {
            page.summary().get();
            page.summary().get();
            page.summary().get();

            assertEquals(1, fake.count(SUMMARY));
        }
    }

    @Test
    void aFailedFetchIsNotCachedAndSaysWhatFailed() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route(SUMMARY, 503, "{}");
             StatusPage page = new StatusPage(fake.statusUrl(), Duration.ofSeconds(2))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> page.summary().get());
            assertTrue(e.getCause().getMessage().contains("answered 503"), e.getCause().getMessage());

            fake.route(SUMMARY, "status-summary-ok.json");
            assertEquals("All Systems Operational", page.summary().get().description());
            assertEquals(2, fake.count(SUMMARY));
        }
    }
}
