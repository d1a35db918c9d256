package dev.cftriage.internal.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.config.Secret;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ZoneFacts;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.FakeCloudflare;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one skeleton every API probe shares: the zone first, then the kind's read. */
class ApiProbeTest {
    private static final String HOST = "shop.example.test";

    @Test
    void aHostInNoZoneIsAFactForTheZoneLookupAndAFailureForEveryReadThatNeedsTheZone() throws Exception {
        try (FakeCloudflare fake = new FakeCloudflare().route("/client/v4/zones", "zones-none.json");
             CloudflareApi api = new CloudflareApi(fake.apiUrl(), Secret.of("cf-test-token"), Duration.ofSeconds(2))) {
            ZoneFacts zone = (ZoneFacts) new ApiProbe(api, HOST, new ZoneRead()).run(Deadlines.budget(2000));
            assertFalse(zone.found());
            assertEquals(HOST, zone.host());

            for (ApiRead read : new ApiRead[] {new SslModeRead(), new TunnelRead("c1744f8b-faa1-48a4-9e5c-02ac921467fa"),
                    new RayLookupRead("8b2e5f3a1c9d4e7f", null, Instant.EPOCH)}) {
                CloudflareServiceException e = assertThrows(CloudflareServiceException.class,
                        () -> new ApiProbe(api, HOST, read).run(Deadlines.budget(2000)));
                assertTrue(e.getMessage().startsWith("no zone the API token can read holds " + HOST + ": "), e.getMessage());
                assertTrue(e.getMessage().endsWith(read.withoutZone()), e.getMessage());
            }
        }
    }

    @Test
    void eachReadNamesItsKindAndTarget() {
        assertEquals(ProbeKind.CF_API_TUNNEL, new ApiProbe(null, HOST, new TunnelRead("t-1")).kind());
        assertEquals("t-1", new ApiProbe(null, HOST, new TunnelRead("t-1")).target());
        assertEquals("8b2e5f3a1c9d4e7f", new ApiProbe(null, HOST, new RayLookupRead("8b2e5f3a1c9d4e7f", null, Instant.EPOCH)).target());
        assertEquals(HOST, new ApiProbe(null, HOST, new SslModeRead()).target());
    }
}
