package dev.cftriage.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.ZoneHosts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which hosts an alert triages when it names zones: the zone lookups answered by the test, no network. */
class AlertHostsTest {
    private static final List<String> ZONE_HOSTS = IntStream.rangeClosed(1, 20).mapToObj(i -> "h" + i + ".example.test").toList();

    private static Function<String, CompletableFuture<ZoneHosts>> answers(Map<String, ZoneHosts> zones) {
        return name -> CompletableFuture.completedFuture(zones.getOrDefault(name, new ZoneHosts.NotAZone(name)));
    }

    @Test
    void theNamedHostsComeFirstAndTheZonesHostsFillTheRestUpToTwentyWithOneNoteSayingHowManyWereLeftOut() {
        ZoneHosts zone = new ZoneHosts.Proxied("example.test", ZONE_HOSTS, 7, false);

        AlertHosts hosts = AlertHosts.of(List.of("example.test", "origin.example.net"),
                answers(Map.of("example.test", zone)), 1_000);

        assertEquals(AlertHosts.MAX_HOSTS, hosts.hosts().size());
        assertEquals("origin.example.net", hosts.hosts().get(0), "the named host is never crowded out");
        assertEquals(ZONE_HOSTS.subList(0, 19), hosts.hosts().subList(1, 20));
        assertEquals("example.test", hosts.zones().get("h1.example.test"));
        assertEquals(List.of("Zone example.test has more proxied hosts than one alert triages (at most 20): 8 left out."),
                hosts.notes());
    }

    @Test
    void aZoneWhoseListWasCutSaysThereMayBeMore() {
        ZoneHosts zone = new ZoneHosts.Proxied("example.test", ZONE_HOSTS, 80, true);

        AlertHosts hosts = AlertHosts.of(List.of("example.test"), answers(Map.of("example.test", zone)), 1_000);

        assertEquals(ZONE_HOSTS, hosts.hosts());
        assertTrue(hosts.notes().get(0).endsWith(": 80 or more left out."), hosts.notes().toString());
    }

    @Test
    void aZoneWithANamedHostInsideIsNotExpandedNorTriagedItself() {
        ZoneHosts zone = new ZoneHosts.Proxied("example.test", ZONE_HOSTS, 0, false);

        AlertHosts hosts = AlertHosts.of(List.of("example.test", "www.example.test"),
                answers(Map.of("example.test", zone)), 1_000);

        assertEquals(List.of("www.example.test"), hosts.hosts());
        assertEquals(List.of(), hosts.notes());
    }

    @Test
    void withoutATokenOrForNamesThatAreNoZoneTheHostsAreTheNamedOnes() {
        AlertHosts off = AlertHosts.of(List.of("example.test"),
                name -> CompletableFuture.completedFuture(new ZoneHosts.Off()), 1_000);
        AlertHosts notZones = AlertHosts.of(List.of("a.example.test", "192.0.2.7"), answers(Map.of()), 1_000);

        assertEquals(List.of("example.test"), off.hosts());
        assertEquals(List.of("a.example.test", "192.0.2.7"), notZones.hosts());
        assertEquals(List.of(), off.notes());
    }

    @Test
    void aLookupThatFailsThrowsOrNeverAnswersLeavesTheNamedHostWithANote() {
        CompletableFuture<ZoneHosts> never = new CompletableFuture<>();
        AlertHosts hosts = AlertHosts.of(List.of("failed.test", "thrown.test", "silent.test"), name -> switch (name) {
            case "failed.test" -> CompletableFuture.failedFuture(new IllegalStateException("boom\nline two"));
            case "thrown.test" -> throw new IllegalStateException("boom");
            default -> never;
        }, 50);

        assertEquals(List.of("failed.test", "thrown.test", "silent.test"), hosts.hosts());
        assertEquals(3, hosts.notes().size(), hosts.notes().toString());
        assertTrue(hosts.notes().get(2).contains("(no answer within 50 ms)"), hosts.notes().get(2));
        assertTrue(hosts.notes().stream().noneMatch(n -> n.contains("\n") || n.contains("boom")), hosts.notes().toString());
        assertTrue(!never.isDone(), "the caller's future is left alone");
    }
}
