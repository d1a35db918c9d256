package dev.cftriage.internal.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.CidrSet;
import dev.cftriage.internal.net.CloudflareRanges;
import dev.cftriage.testing.FakeCloudflare;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangesRefresherTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void theListFromIpsIsPutInForceForThePolicy() throws Exception {
        CloudflareRanges ranges = CloudflareRanges.of(CidrSet.builtInCloudflareRanges());
        AddressPolicy policy = AddressPolicy.create(ranges, CidrSet.empty());
        InetAddress listedOnlyByTheFake = InetAddress.getByName("203.0.113.7");
        assertEquals(AddressCategory.DOCUMENTATION, policy.check(listedOnlyByTheFake).classified().category());
        InetAddress edge = InetAddress.getByName("198.41.200.1");

        try (FakeCloudflare fake = new FakeCloudflare().route("/client/v4/ips", "ips.json");
             RangesRefresher refresher = new RangesRefresher(new CloudflareApi(fake.apiUrl(), null, TIMEOUT), ranges, TIMEOUT)) {
            assertTrue(refresher.refresh());

            assertEquals(List.of("198.41.128.0/17", "203.0.113.0/24", "2400:cb00::/32"), ranges.current().toStrings());
            assertEquals(AddressCategory.CLOUDFLARE, policy.check(edge).classified().category());
            assertEquals(null, fake.requests().get(0).getHeaders().get("Authorization"), "/ips needs no token");
        }
    }

    @Test
    void anyFailureKeepsTheListInForce() throws Exception {
        CidrSet builtIn = CidrSet.builtInCloudflareRanges();
        CloudflareRanges ranges = CloudflareRanges.of(builtIn);
        try (FakeCloudflare fake = new FakeCloudflare().route("/client/v4/ips", 500, "{}");
             RangesRefresher refresher = new RangesRefresher(new CloudflareApi(fake.apiUrl(), null, TIMEOUT), ranges, TIMEOUT)) {
            assertFalse(refresher.refresh());
            assertSame(builtIn, ranges.current());

            fake.route("/client/v4/ips", 200, "{\"result\":{\"ipv4_cidrs\":[],\"ipv6_cidrs\":[\"2400:cb00::/32\"]},\"success\":true}");
            assertFalse(refresher.refresh(), "a list without IPv4 blocks is not believed");
            fake.route("/client/v4/ips", 200, "{\"result\":{\"ipv4_cidrs\":[\"not-a-cidr\"]},\"success\":true}");
            assertFalse(refresher.refresh());
            assertSame(builtIn, ranges.current());
        }
    }

    @Test
    void aClosedPortKeepsTheBuiltInList() {
        CidrSet builtIn = CidrSet.builtInCloudflareRanges();
        CloudflareRanges ranges = CloudflareRanges.of(builtIn);
        try (RangesRefresher refresher = new RangesRefresher(new CloudflareApi("http://127.0.0.1:9/client/v4/", null, TIMEOUT),
                ranges, TIMEOUT)) {
            assertFalse(refresher.refresh());
            assertSame(builtIn, ranges.current());
        }
    }
}
