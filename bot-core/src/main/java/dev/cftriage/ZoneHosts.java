package dev.cftriage;

import java.util.List;

/**
 * What {@link CfTriage#proxiedHosts(String)} found out about a zone's proxied hosts: that the API is off, that no
 * zone the token can read has the name, that the API gave no usable answer, or the hosts. Immutable values.
 */
public sealed interface ZoneHosts {
    /** Hosts listed for one zone at most; the rest are counted in {@link Proxied#skipped()}. */
    int MAX_HOSTS = 20;

    /** No Cloudflare API token is set, or the engine is offline: nothing was asked. */
    record Off() implements ZoneHosts {
    }

    /**
     * No zone the token can read has this name, or the name is no host name (an address, a malformed name): only the
     * zone lookup was asked, if anything.
     *
     * @param name the name as asked
     */
    record NotAZone(String name) implements ZoneHosts {
    }

    /**
     * The API gave no usable answer: refused (a missing scope), rate limited, failed, malformed or too slow.
     *
     * @param zone the zone asked about
     * @param reason one line saying why, without the token
     */
    record Unreadable(String zone, String reason) implements ZoneHosts {
    }

    /**
     * The zone's proxied A, AAAA and CNAME record names that are valid host names inside the zone, deduplicated, in
     * the API's order, at most {@link #MAX_HOSTS}; wildcard records and names that are not host names are left out.
     *
     * @param zone the zone's name (ASCII, lower case)
     * @param hosts the hosts, ASCII lower case; may be empty
     * @param skipped valid hosts left out beyond {@link #MAX_HOSTS}
     * @param more true when the API had more records than the one page read, so there may be further hosts
     */
    record Proxied(String zone, List<String> hosts, int skipped, boolean more) implements ZoneHosts {
        public Proxied {
            hosts = List.copyOf(hosts);
        }
    }
}
