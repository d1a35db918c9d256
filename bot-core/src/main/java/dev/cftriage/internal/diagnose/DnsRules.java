package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.DnsOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the DNS lookups show: a name that does not exist, a lookup that failed, a name with no address — and a
 * SERVFAIL that resolves when asked with checking disabled, which is broken DNSSEC rather than a dead name server.
 */
final class DnsRules implements CauseRule {
    static final String DNSSEC_BROKEN = "dns-dnssec-broken";

    @Override
    public Set<String> causes() {
        return Set.of("dns-nxdomain", "dns-lookup-failed", "dns-no-address", DNSSEC_BROKEN);
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<Finding> out = new ArrayList<>();
        List<DnsFacts> lookups = s.evidence().facts(DnsFacts.class);
        for (DnsFacts dns : lookups) {
            Map<String, String> values = values(dns);
            switch (dns.outcome()) {
                case NXDOMAIN -> out.add(new Finding.Found("dns-nxdomain", 0.95,
                        List.of(dns.host() + " does not exist: " + resolverSays(dns) + " NXDOMAIN"
                                + (dns.cnameChain().isEmpty() ? "" : " (after CNAME " + String.join(" → ", dns.cnameChain()) + ")")),
                        values));
                case SERVFAIL -> {
                    boolean dnssec = Boolean.TRUE.equals(dns.answersWithCheckingDisabled());
                    if (dnssec) {
                        out.add(new Finding.Found(DNSSEC_BROKEN, 1.0, List.of(dns.summary()), values));
                    } else if (Boolean.FALSE.equals(dns.answersWithCheckingDisabled())) {
                        out.add(new Finding.RuledOut(DNSSEC_BROKEN, "the lookup fails with checking disabled too"));
                    }
                    out.add(new Finding.Found("dns-lookup-failed", dnssec ? 0.5 : 0.85, List.of(dns.summary()), values));
                }
                case REFUSED, TIMEOUT, CNAME_LOOP, ERROR -> out.add(new Finding.Found("dns-lookup-failed",
                        dns.outcome() == DnsOutcome.CNAME_LOOP ? 0.95 : 0.85, List.of(dns.summary()), values));
                case NO_ADDRESS -> out.add(new Finding.Found("dns-no-address", 0.9,
                        List.of(dns.host() + " exists but has no A or AAAA record"
                                + (dns.cnameChain().isEmpty() ? "" : " (CNAME " + String.join(" → ", dns.cnameChain()) + ")")),
                        values));
                case ANSWERED -> { }
            }
        }
        if (!lookups.isEmpty() && lookups.stream().allMatch(d -> d.outcome() == DnsOutcome.ANSWERED)) {
            String why = "every lookup answered with addresses";
            out.add(new Finding.RuledOut("dns-nxdomain", why));
            out.add(new Finding.RuledOut("dns-lookup-failed", why));
            out.add(new Finding.RuledOut("dns-no-address", why));
            out.add(new Finding.RuledOut(DNSSEC_BROKEN, why));
        }
        return out;
    }

    private static String resolverSays(DnsFacts dns) {
        return dns.resolvers().isEmpty() ? "the resolver says" : "resolver " + dns.resolvers().get(0) + " says";
    }

    private static Map<String, String> values(DnsFacts dns) {
        Map<String, String> v = new HashMap<>();
        v.put("host", dns.host());
        if (!dns.resolvers().isEmpty()) {
            v.put("resolver", String.join(", ", dns.resolvers()));
        }
        if (!dns.nameservers().isEmpty()) {
            v.put("nameservers", String.join(", ", dns.nameservers()));
        }
        if (!dns.cnameChain().isEmpty()) {
            v.put("cnameChain", dns.host() + " → " + String.join(" → ", dns.cnameChain()));
        }
        v.put("problem", dns.summary());
        return v;
    }
}
