package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.internal.evidence.ApiDnsFacts;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ZoneFacts;
import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.Ascii;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the host's DNS records from the Cloudflare API ({@code cf-api-dns}): the origin addresses behind proxied
 * records (classified by the address policy, not connected to), DNS-only records, and tunnel CNAMEs. Immutable
 * and thread-safe.
 */
final class DnsRecordsRead implements ApiRead {
    /** The record types that name a host's addresses or alias. */
    static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME");
    private static final Pattern TUNNEL = Pattern.compile("^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
            + "\\.cfargotunnel\\.com\\.?$");

    private final AddressPolicy policy;

    DnsRecordsRead(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public ApiDnsFacts read(CloudflareApi api, ZoneFacts zone, ProbeContext context) throws InterruptedException {
        JsonNode records = Answers.await(api.dnsRecords(zone.zoneId(), zone.host()), context, "the DNS records lookup");
        List<ApiDnsFacts.Record> kept = new ArrayList<>();
        for (JsonNode record : records) {
            String type = record.path("type").asText("");
            if (TYPES.contains(type)) {
                String content = record.path("content").asText("");
                kept.add(new ApiDnsFacts.Record(type, record.path("name").asText(zone.host()), content,
                        record.path("proxied").asBoolean(false), type.equals("CNAME") ? null : classify(content),
                        type.equals("CNAME") ? tunnelId(content) : null));
            }
        }
        return new ApiDnsFacts(zone.host(), zone.zoneName(), kept);
    }

    private ClassifiedAddress classify(String content) {
        try {
            return HostNames.parse(content) instanceof HostName.Literal literal ? policy.check(literal.address()).classified() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The tunnel UUID a CNAME target names, or null. */
    static String tunnelId(String target) {
        Matcher m = TUNNEL.matcher(Ascii.lower(target));
        return m.matches() ? m.group(1) : null;
    }
}
