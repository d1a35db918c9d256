package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * A zone's proxied hosts as Cloudflare's API lists them: the names of its proxied A, AAAA and CNAME records, read
 * from one page of the list and taken as hostile input — every name must be a valid host name inside the zone,
 * wildcards and duplicates are left out, and at most {@code max} are kept. Immutable.
 *
 * @param zone the zone's name, as asked (ASCII, lower case)
 * @param hosts the hosts kept, ASCII lower case, in the API's order
 * @param skipped valid hosts left out beyond the cap
 * @param more true when the page was full, so the zone may have further proxied records
 */
public record ProxiedHosts(String zone, List<String> hosts, int skipped, boolean more) {
    /** Records asked for, and looked at, per zone. */
    static final int PER_PAGE = 100;
    /** Zone ids are hex digits (32 of them); anything else is not put in a path. */
    private static final Pattern ZONE_ID = Pattern.compile("[0-9a-fA-F]{1,64}");

    public ProxiedHosts {
        hosts = List.copyOf(hosts);
    }

    /**
     * Looks the zone up by its exact name, then lists its proxied records. Completes with null when no zone the token
     * can read has the name; fails with {@link CloudflareServiceException} when a call fails or answers nonsense.
     *
     * @param zone a valid host name, ASCII lower case
     * @param max the most hosts kept
     */
    static CompletableFuture<ProxiedHosts> read(CloudflareApi api, String zone, int max) {
        return api.zoneNamed(zone).thenCompose(found -> {
            if (found == null) {
                return CompletableFuture.completedFuture(null);
            }
            String id = found.path("id").asText("");
            if (!ZONE_ID.matcher(id).matches()) {
                throw new CloudflareServiceException("the Cloudflare API gave zone " + zone + " a malformed id");
            }
            return api.proxiedRecords(id, PER_PAGE).thenApply(records -> of(zone, records, max));
        });
    }

    /** The hosts in one page of records, the first {@link #PER_PAGE} looked at, {@code max} kept. */
    static ProxiedHosts of(String zone, JsonNode records, int max) {
        if (!records.isArray()) {
            throw new CloudflareServiceException("the Cloudflare API answered no list of DNS records for zone " + zone);
        }
        Set<String> valid = new LinkedHashSet<>();
        int seen = 0;
        for (JsonNode record : records) {
            if (++seen > PER_PAGE) {
                break;
            }
            String host = proxiedHost(zone, record);
            if (host != null) {
                valid.add(host);
            }
        }
        List<String> kept = new ArrayList<>(valid).subList(0, Math.min(max, valid.size()));
        return new ProxiedHosts(zone, kept, valid.size() - kept.size(), records.size() >= PER_PAGE);
    }

    /** The record's name when it is a proxied A, AAAA or CNAME record of a host in the zone; null otherwise. */
    private static String proxiedHost(String zone, JsonNode record) {
        JsonNode name = record.path("name");
        if (!record.path("proxied").asBoolean(false) || !DnsRecordsRead.TYPES.contains(record.path("type").asText(""))
                || !name.isTextual() || name.asText().startsWith("*")) {
            return null;
        }
        try {
            return HostNames.parse(name.asText()) instanceof HostName.Name host
                    && (host.text().equals(zone) || host.text().endsWith("." + zone)) ? host.text() : null;
        } catch (BadInputException notAHost) {
            return null;
        }
    }
}
