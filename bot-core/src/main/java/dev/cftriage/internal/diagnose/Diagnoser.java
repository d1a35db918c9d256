package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.catalog.CandidateCause;
import dev.cftriage.internal.catalog.CauseEntry;
import dev.cftriage.internal.catalog.CodeEntry;
import dev.cftriage.internal.catalog.ErrorCatalog;
import dev.cftriage.internal.parse.ParsedPaste;
import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TlsFacts;
import dev.cftriage.report.Cause;
import dev.cftriage.report.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a code and the probe evidence into ranked causes. Each rule says which causes the evidence shows (with a
 * strength) or rules out; a shown cause's confidence is its strength weighed by how typical the cause is for the
 * code (the catalog's prior), unless Cloudflare's own account settles it (a certain finding: the strength is the
 * confidence). Each cause names the sources of its evidence (probe, status page, API). The code's other catalog causes that nothing ruled out follow as unverified
 * suggestions, lower. Fix steps are the catalog's, filled with the values the evidence named. Stateless and
 * thread-safe.
 */
public final class Diagnoser {
    private static final List<CauseRule> RULES = List.of(
            new DnsRules(),
            new PrivateAddressRule(),
            new CloudflareOriginRule(),
            new ConnectRules(),
            new AddressFamilyRule(),
            new PortModeRule(),
            new HttpRules(),
            new HeaderSizeRule(),
            new TlsRules(),
            new ClientCertificateRule(),
            new EdgeErrorCodeRule(),
            new ReachableOriginRules(),
            new CloudflareSideRule(),
            new StructuredErrorRule(),
            new StatusPageRule(),
            new ApiDnsRule(),
            new SslModeRule(),
            new TunnelRule(),
            new RayLookupRule());
    /** How much a cause's typicality for the code weighs against the strength of its evidence. */
    private static final double PRIOR_WEIGHT = 0.45;
    /** Without a code, every shown cause counts as fairly typical. */
    private static final double PRIOR_WITHOUT_CODE = 0.7;

    private final ErrorCatalog catalog;
    private final List<CauseRule> rules;

    /**
     * A diagnoser over this catalog.
     *
     * @throws IllegalStateException when a rule declares a cause the catalog lacks
     */
    public Diagnoser(ErrorCatalog catalog) {
        this(catalog, RULES);
    }

    /** A diagnoser with these rules, in this order; for tests of the identity checks. */
    Diagnoser(ErrorCatalog catalog, List<CauseRule> rules) {
        for (String id : declaredCauses(rules)) {
            if (catalog.cause(id).isEmpty()) {
                throw new IllegalStateException("a rule declares cause " + id + ", which the catalog lacks");
            }
        }
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
    }

    /** Every cause id the diagnosis rules can emit, from the rules' own declarations. */
    static Set<String> declaredCauses() {
        return declaredCauses(RULES);
    }

    private static Set<String> declaredCauses(List<CauseRule> rules) {
        Set<String> ids = new TreeSet<>();
        rules.forEach(rule -> ids.addAll(rule.causes()));
        return ids;
    }

    /**
     * Ranks the causes.
     *
     * @param code the code diagnosed, or null when none is known
     * @param entry the catalog entry the causes come from (for a 530, its 1xxx code's entry), or null
     * @param paste what the input said
     * @param evidence what the probes saw
     * @param host the host triaged, or null
     * @param budget the probes' budget, quoted in evidence ("no answer within 4000 ms")
     * @return the causes, highest confidence first
     */
    public List<Cause> diagnose(Integer code, CodeEntry entry, ParsedPaste paste, Evidence evidence, String host,
                                Duration budget) {
        Situation situation = new Situation(code, paste, evidence, host, budget.toMillis());
        Map<String, String> base = baseValues(paste, host, evidence);
        Map<String, Merged> found = new LinkedHashMap<>();
        Set<String> ruledOut = new HashSet<>();
        for (CauseRule rule : rules) {
            for (Finding f : rule.evaluate(situation)) {
                if (!rule.causes().contains(f.causeId())) {
                    throw new IllegalStateException(rule.getClass().getSimpleName() + " emitted cause " + f.causeId()
                            + ", which it does not declare");
                }
                if (f instanceof Finding.Found shown) {
                    found.computeIfAbsent(shown.causeId(), id -> new Merged()).add(shown);
                } else {
                    ruledOut.add(f.causeId());
                }
            }
        }
        List<Cause> causes = new ArrayList<>();
        found.forEach((id, m) -> {
            double prior = entry == null ? PRIOR_WITHOUT_CODE : entry.prior(id);
            double weighed = m.strength * (1 - PRIOR_WEIGHT + PRIOR_WEIGHT * prior);
            double confidence = Math.max(weighed, m.certainty);
            causes.add(cause(id, confidence, true, new ArrayList<>(m.evidence), merge(base, m.values),
                    List.copyOf(m.sources)));
        });
        if (entry != null) {
            double scale = evidence.anyRan() ? 0.35 : 0.6;
            for (CandidateCause candidate : entry.causes()) {
                if (!found.containsKey(candidate.id()) && !ruledOut.contains(candidate.id())) {
                    causes.add(cause(candidate.id(), candidate.prior() * scale, false, List.of(), base, List.of()));
                }
            }
        }
        causes.sort(Comparator.comparingDouble(Cause::confidence).reversed()
                .thenComparing(c -> !c.verified()));
        return causes;
    }

    private Cause cause(String id, double confidence, boolean verified, List<String> evidence, Map<String, String> values,
                        List<FactSource> sources) {
        CauseEntry entry = catalog.cause(id).orElseThrow(() -> new IllegalStateException("no catalog entry for cause " + id));
        List<String> fix = entry.fix().stream().map(step -> Templates.fill(step, values)).toList();
        return new Cause(id, Templates.fill(entry.title(), values), Math.round(confidence * 100) / 100.0, verified,
                evidence, fix, sources);
    }

    /**
     * The catalog's advice for the code, its steps filled like the causes' from what the input and probes named.
     *
     * @param entry the code's catalog entry, or null (no advice)
     */
    public Steps advice(CodeEntry entry, ParsedPaste paste, Evidence evidence, String host) {
        if (entry == null) {
            return Steps.NONE;
        }
        Map<String, String> base = baseValues(paste, host, evidence);
        return new Steps(fill(entry.owner(), base), fill(entry.visitor(), base), fill(entry.support(), base));
    }

    private static List<String> fill(List<String> steps, Map<String, String> values) {
        return steps.stream().map(step -> Templates.fill(step, values)).toList();
    }

    /**
     * Values every cause's steps may use, so that a cause the probes did not see still names what they did: the
     * host, the Ray ID and colo, the origin addresses, the ports probed (a failing one first), the resolver and
     * name servers, and the first certificate seen.
     */
    private static Map<String, String> baseValues(ParsedPaste paste, String host, Evidence evidence) {
        Map<String, String> v = new HashMap<>();
        if (!evidence.origins().isEmpty()) {
            v.put("address", evidence.origins().get(0).address());
            v.put("addresses", String.join(", ", evidence.origins().stream().map(a -> a.address()).distinct().toList()));
            v.put("category", evidence.origins().get(0).category().id());
        }
        List<TcpFacts> tcp = evidence.facts(TcpFacts.class);
        List<Integer> ports = tcp.stream().map(TcpFacts::port).distinct().toList();
        if (!ports.isEmpty()) {
            v.put("port", String.valueOf(tcp.stream().filter(t -> t.verdict() == ProbeStatus.FAIL).map(TcpFacts::port)
                    .findFirst().orElse(ports.get(0))));
            v.put("ports", String.join(" and ", ports.stream().map(String::valueOf).toList()));
        }
        DnsFacts dns = evidence.first(DnsFacts.class);
        if (dns != null && !dns.resolvers().isEmpty()) {
            v.put("resolver", dns.resolvers().get(0));
        }
        if (dns != null && !dns.nameservers().isEmpty()) {
            v.put("nameservers", String.join(", ", dns.nameservers()));
        }
        TlsFacts tls = evidence.facts(TlsFacts.class, t -> !t.chain().isEmpty()).stream().findFirst().orElse(null);
        if (tls != null) {
            v.put("issuer", tls.chain().get(0).issuer());
            v.put("names", String.join(", ", tls.chain().get(0).dnsNames()));
        }
        if (host != null) {
            v.put("host", host);
        }
        if (paste.rayId() != null) {
            v.put("rayId", paste.rayId());
        }
        if (paste.colo() != null) {
            v.put("colo", paste.colo());
        }
        return v;
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> specific) {
        Map<String, String> v = new HashMap<>(base);
        v.putAll(specific);
        return v;
    }

    /** The findings of one cause from several rules or targets, folded together. */
    private static final class Merged {
        double strength;
        double certainty;
        final Set<String> evidence = new LinkedHashSet<>();
        final Map<String, String> values = new HashMap<>();
        final Set<FactSource> sources = new TreeSet<>();

        void add(Finding.Found f) {
            strength = Math.max(strength, f.strength());
            certainty = f.certain() ? Math.max(certainty, f.strength()) : certainty;
            sources.add(f.source());
            evidence.addAll(f.evidence());
            f.values().forEach(values::putIfAbsent);
        }
    }
}
