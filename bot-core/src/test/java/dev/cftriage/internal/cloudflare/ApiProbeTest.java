package dev.cftriage.internal.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cftriage.config.Secret;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ZoneFacts;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.FakeCloudflare;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one skeleton every API probe shares: the zone first, then the kind's read. */
class ApiProbeTest {
    private static final String HOST = "shop.example.test";

    @Test
    void aHostInNoZoneIsAFactForTheZoneLookupAndAFailureForEveryReadThatNeedsTheZone() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route("/client/v4/zones", "zones-none.json");
             CloudflareApi api = new CloudflareApi(fake.apiUrl(), Secret.of("cf-test-token"), Duration.ofSeconds(2))) {
            ZoneFacts zone = (ZoneFacts) ApiProbe.zone(api, HOST).run(Deadlines.budget(2000));
            assertFalse(zone.found());
            assertEquals(HOST, zone.host());

            for (ApiProbe probe : List.of(ApiProbe.dnsRecords(api, HOST, null), ApiProbe.sslMode(api, HOST),
                    ApiProbe.tunnel(api, HOST, "c1744f8b-faa1-48a4-9e5c-02ac921467fa"),
                    ApiProbe.rayLookup(api, HOST, "8b2e5f3a1c9d4e7f", null, Instant.EPOCH))) {
                CloudflareServiceException e = assertThrows(CloudflareServiceException.class,
                        () -> probe.run(Deadlines.budget(2000)));
                assertEquals("no zone the API token can read holds " + HOST + ": " + probe.withoutZone(), e.getMessage());
            }
        }
    }

    @Test
    void eachKindNamesWhatItProbes() {
        assertEquals(ProbeKind.CF_API_TUNNEL, ApiProbe.tunnel(null, HOST, "t-1").kind());
        assertEquals("t-1", ApiProbe.tunnel(null, HOST, "t-1").target());
        assertEquals("8b2e5f3a1c9d4e7f", ApiProbe.rayLookup(null, HOST, "8b2e5f3a1c9d4e7f", null, Instant.EPOCH).target());
        assertEquals(HOST, ApiProbe.sslMode(null, HOST).target());
    }
}
