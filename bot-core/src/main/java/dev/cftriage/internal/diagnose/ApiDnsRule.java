package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.evidence.ApiDnsFacts;
import dev.cftriage.internal.evidence.FactSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the host's records in Cloudflare DNS show, from the API: a record holding a Cloudflare address (Cloudflare
 * would connect to itself: 1000) or an address Cloudflare cannot route to (private, loopback …). Only proxied records
 * count: they are the ones Cloudflare itself connects through, so they settle the question; DNS-only records are
 * left to the probes.
 */
final class ApiDnsRule implements CauseRule {
    private static final double SETTLED = 0.97;

    @Override
    public Set<String> causes() {
        return Set.of("dns-points-to-cloudflare", "dns-private-address");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> out = new ArrayList<>();
        for (ApiDnsFacts dns : s.evidence().facts(ApiDnsFacts.class)) {
            for (ApiDnsFacts.Record r : dns.records()) {
                if (r.address() == null || !r.proxied()) {
                    continue;
                }
                String line = "the " + r.type() + " record for " + r.name() + " in zone " + dns.zoneName() + " holds "
                        + r.content() + " (proxied)";
                if (r.address().category() == AddressCategory.CLOUDFLARE) {
                    out.add(new Finding.Found("dns-points-to-cloudflare", SETTLED,
                            List.of(line + ", a Cloudflare address [API]"),
                            Map.of("host", dns.host(), "address", r.content()), FactSource.API, true));
                } else if (!r.address().category().routable() && !r.address().allowed()) {
                    out.add(new Finding.Found("dns-private-address", SETTLED,
                            List.of(line + ", a " + r.address().category().id() + " address [API]"),
                            Map.of("host", dns.host(), "address", r.content(), "addresses", r.content(),
                                    "category", r.address().category().id()), FactSource.API, true));
                }
            }
        }
        return out;
    }
}
