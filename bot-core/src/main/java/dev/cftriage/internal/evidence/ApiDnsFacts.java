package dev.cftriage.internal.evidence;

import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.ClassifiedAddress;
import java.util.List;

/**
 * The DNS records Cloudflare holds for a host, as the API shows them: what Cloudflare itself connects to, which
 * public DNS hides behind its own addresses when the record is proxied.
 *
 * @param host the host
 * @param zoneName the zone the records belong to
 * @param records the host's records (A, AAAA, CNAME), in the API's order
 */
public record ApiDnsFacts(String host, String zoneName, List<Record> records) implements ProbeFacts {

    public ApiDnsFacts {
        records = List.copyOf(records);
    }

    /**
     * One DNS record.
     *
     * @param type {@code A}, {@code AAAA} or {@code CNAME}
     * @param name the record's name
     * @param content the address or target name
     * @param proxied true when Cloudflare proxies it (orange cloud), false for DNS only
     * @param address the address classified, for A and AAAA records; else null
     * @param tunnelId the tunnel's UUID when the record is a CNAME to {@code <uuid>.cfargotunnel.com}, else null
     */
    public record Record(String type, String name, String content, boolean proxied, ClassifiedAddress address,
                         String tunnelId) {
    }

    /** The addresses proxied records point at: the origins Cloudflare connects to. */
    public List<ClassifiedAddress> proxiedOrigins() {
        return records.stream().filter(r -> r.proxied() && r.address() != null).map(Record::address).toList();
    }

    /** The first tunnel a record routes to, or null. */
    public Record tunnelRecord() {
        return records.stream().filter(r -> r.tunnelId() != null).findFirst().orElse(null);
    }

    @Override
    public ProbeStatus verdict() {
        return !records.isEmpty() && records.stream().allMatch(r -> r.address() == null
                || (r.address().category().routable() && r.address().category() != AddressCategory.CLOUDFLARE))
                ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        if (records.isEmpty()) {
            return "zone " + zoneName + " has no A, AAAA or CNAME record for " + host;
        }
        return host + " in Cloudflare DNS: " + String.join(", ", records.stream()
                .map(r -> r.type() + " " + r.content() + (r.proxied() ? " (proxied)" : " (DNS only)")).toList());
    }
}
