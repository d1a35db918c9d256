package dev.cftriage.incidents;

import dev.cftriage.ZoneHosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The hosts one Cloudflare alert triages. They are the hosts the payload names; a named host that is a Cloudflare
 * zone (with an API token set) stands for the zone's proxied hosts, unless the payload also names a host inside that
 * zone: then the named hosts are preferred and the zone itself is not triaged. Named hosts come first; at most
 * {@link #MAX_HOSTS} in all. Immutable.
 *
 * @param hosts the hosts to triage, in order
 * @param zones for each host taken from a zone's records, that zone
 * @param notes one line each for the alert's thread: a zone whose records could not be read, hosts left out
 */
record AlertHosts(List<String> hosts, Map<String, String> zones, List<String> notes) {
    /** Hosts one alert triages at most. */
    static final int MAX_HOSTS = ZoneHosts.MAX_HOSTS;

    AlertHosts {
        hosts = List.copyOf(hosts);
        zones = Map.copyOf(zones);
        notes = List.copyOf(notes);
    }

    /**
     * The hosts for the named ones, each named host asked of {@code proxiedHosts} (all at once, none waited for
     * longer than {@code waitMillis}). A zone lookup that fails or is late leaves the named host as it is, with a note.
     *
     * @param named the hosts the payload names, ASCII lower case
     * @param proxiedHosts the engine's {@code proxiedHosts}
     */
    static AlertHosts of(List<String> named, Function<String, CompletableFuture<ZoneHosts>> proxiedHosts, long waitMillis) {
        Map<String, CompletableFuture<ZoneHosts>> asked = new LinkedHashMap<>();
        named.forEach(host -> asked.put(host, ask(proxiedHosts, host, waitMillis)));
        Set<String> hosts = new LinkedHashSet<>();
        List<ZoneHosts.Proxied> expanded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String host : named) {
            ZoneHosts found = asked.get(host).join();
            if (found instanceof ZoneHosts.Proxied zone && !zone.hosts().isEmpty()) {
                if (named.stream().noneMatch(other -> other.endsWith("." + host))) {
                    expanded.add(zone);
                }
                continue;
            }
            if (found instanceof ZoneHosts.Unreadable unreadable) {
                notes.add(Texts.clip(Texts.loggable("The proxied records of zone " + host + " could not be read from the "
                        + "Cloudflare API (" + unreadable.reason() + "); the hosts the alert names are triaged."), 400));
            }
            hosts.add(host);
        }
        Map<String, String> zones = new LinkedHashMap<>();
        for (ZoneHosts.Proxied zone : expanded) {
            int leftOut = zone.skipped();
            for (String host : zone.hosts()) {
                if (hosts.size() < MAX_HOSTS && hosts.add(host)) {
                    zones.put(host, zone.zone());
                } else if (!hosts.contains(host)) {
                    leftOut++;
                }
            }
            if (leftOut > 0 || zone.more()) {
                notes.add("Zone " + zone.zone() + " has more proxied hosts than one alert triages (at most " + MAX_HOSTS
                        + "): " + (leftOut > 0 ? leftOut + (zone.more() ? " or more" : "") + " left out." : "some may be left out."));
            }
        }
        return new AlertHosts(List.copyOf(hosts), zones, notes);
    }

    /** The lookup of one host, never failing: a late or failed answer is {@link ZoneHosts.Unreadable}. */
    private static CompletableFuture<ZoneHosts> ask(Function<String, CompletableFuture<ZoneHosts>> proxiedHosts,
                                                    String host, long waitMillis) {
        try {
            return proxiedHosts.apply(host).copy()
                    .exceptionally(failure -> new ZoneHosts.Unreadable(host, "the lookup failed"))
                    .completeOnTimeout(new ZoneHosts.Unreadable(host, "no answer within " + waitMillis + " ms"), waitMillis,
                            TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new ZoneHosts.Unreadable(host, "the lookup failed"));
        }
    }
}
