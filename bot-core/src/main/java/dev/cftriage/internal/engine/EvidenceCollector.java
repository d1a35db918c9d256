package dev.cftriage.internal.engine;

import dev.cftriage.internal.dns.DnsProbe;
import dev.cftriage.internal.dns.DnsResolvers;
import dev.cftriage.internal.edge.EdgeProbe;
import dev.cftriage.internal.edge.EdgeTraceProbe;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.cftriage.internal.evidence.ApiDnsFacts;
import dev.cftriage.internal.evidence.Deadline;
import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.http.HttpProbeClient;
import dev.cftriage.internal.origin.OriginHttpProbe;
import dev.cftriage.internal.origin.OriginTcpProbe;
import dev.cftriage.internal.origin.OriginTlsProbe;
import dev.cftriage.internal.origin.OriginTrust;
import dev.cftriage.internal.cloudflare.CloudflareSources;
import dev.cftriage.internal.cloudflare.ProxiedHosts;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.AddressCheck;
import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.CidrSet;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.net.CloudflarePorts;
import dev.cftriage.internal.net.CloudflareRanges;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import dev.cftriage.internal.net.VettedAddress;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Plans and runs the probes for one target, in two stages under one budget: first DNS (the host, and origin
 * names), then — side by side — the edge, and TCP, TLS and HTTP on every origin address and port. Every address
 * passes the {@link AddressPolicy} before anything connects to it; refused ones appear as {@code blocked} results.
 * At most {@link OriginSlots#PER_ORIGIN} probes connect to one origin address at once, across all runs.
 * Cloudflare's own sources ({@link CloudflareSources}) run beside them: the zone and its DNS records with DNS (the
 * origins behind proxied records join the origin probes), the status page, SSL mode and tunnel with the rest.
 * Thread-safe; owns the HTTP client and the Cloudflare sources and closes them.
 */
public final class EvidenceCollector implements AutoCloseable {
    /** The share of the budget DNS may use, so that a dead resolver leaves time to say so. */
    private static final double DNS_SHARE = 0.5;
    /** Origin addresses probed per family at most; the rest are named in a note. */
    private static final int ADDRESSES_PER_FAMILY = 2;

    private final AddressPolicy policy;
    private final DnsResolvers resolvers;
    private final OriginTrust trust;
    private final HttpProbeClient http;
    private final CloudflareSources cloudflare;
    private final ProbeRunner runner;
    private final OriginSlots originSlots = new OriginSlots();
    private final Duration budget;
    private final Clock clock;
    private final Ticker ticker;

    private EvidenceCollector(AddressPolicy policy, DnsResolvers resolvers, OriginTrust trust, HttpProbeClient http,
                              CloudflareSources cloudflare, ProbeRunner runner, Duration budget, Clock clock, Ticker ticker) {
        this.policy = policy;
        this.resolvers = resolvers;
        this.trust = trust;
        this.http = http;
        this.cloudflare = cloudflare;
        this.runner = runner;
        this.budget = budget;
        this.clock = clock;
        this.ticker = ticker;
    }

    /**
     * A collector for these settings, running probes on the executor and telling the observer about each.
     *
     * @param clock the wall clock (certificate validity, Ray ID lookups, when evidence was collected)
     * @param ticker the monotonic clock deadlines and durations are read on
     * @throws dev.cftriage.input.BadInputException when a file or value in the settings is unusable
     */
    public static EvidenceCollector create(TriageConfig config, ExecutorService executor, Clock clock, Ticker ticker,
                                           ProbeObserver observer) {
        CidrSet ranges = config.cloudflareRanges() == null ? CidrSet.builtInCloudflareRanges()
                : CidrSet.read(config.cloudflareRanges());
        CloudflareRanges current = CloudflareRanges.of(ranges);
        AddressPolicy policy = AddressPolicy.create(current, CidrSet.parse(config.allowTargets()));
        DnsResolvers resolvers = DnsResolvers.parse(config.resolvers());
        OriginTrust trust = OriginTrust.create(config.caFile());
        return new EvidenceCollector(policy, resolvers, trust, new HttpProbeClient(),
                CloudflareSources.create(config, policy, current), new ProbeRunner(executor, observer), config.timeout(),
                clock, ticker);
    }

    /**
     * Looks one request's Ray ID up in Cloudflare's analytics, within the budget: the part of the evidence that
     * belongs to one paste rather than to the target, so it is not shared. Empty when the API is off or there is no
     * host or Ray ID.
     *
     * @param time when the paste says the error happened, or null
     */
    public List<ProbeResult> lookUpRay(String host, String rayId, Instant time) {
        Probe lookup = cloudflare.rayLookup(host, rayId, time, clock.instant());
        return lookup == null ? List.of() : runner.runAll(List.of(lookup), Deadline.after(budget, ticker));
    }

    /**
     * The proxied hosts of the zone named exactly {@code zone}, from Cloudflare's API (see
     * {@link CloudflareSources#proxiedHosts}); null when no zone the token can read has the name.
     */
    public CompletableFuture<ProxiedHosts> proxiedHosts(String zone, int max) {
        return cloudflare.proxiedHosts(zone, max);
    }

    /** Runs every probe for the target and returns what they saw, within the budget. */
    public Evidence collect(ProbeTarget target) {
        Instant startedAt = clock.instant();
        Deadline deadline = Deadline.after(budget, ticker);
        Deadline dnsDeadline = deadline.within(Duration.ofNanos((long) (budget.toNanos() * DNS_SHARE)));
        List<String> notes = new ArrayList<>();

        List<Probe> lookups = new ArrayList<>();
        if (target.host() instanceof HostName.Name name) {
            lookups.add(new DnsProbe(name.text(), resolvers, policy));
        }
        for (HostName origin : target.origins()) {
            if (origin instanceof HostName.Name name && !name.equals(target.host())) {
                lookups.add(new DnsProbe(name.text(), resolvers, policy));
            }
        }
        String apiHost = target.host() instanceof HostName.Name name ? name.text() : null;
        lookups.addAll(cloudflare.lookups(apiHost));
        List<ProbeResult> results = new ArrayList<>(runner.runAll(lookups, dnsDeadline));

        List<ClassifiedAddress> hostAddresses = addressesOf(target.host(), results);
        boolean behindCloudflare = hostAddresses.stream().anyMatch(a -> a.category() == AddressCategory.CLOUDFLARE);
        List<ClassifiedAddress> origins = new ArrayList<>();
        for (HostName origin : target.origins()) {
            origins.addAll(addressesOf(origin, results));
        }
        if (target.origins().isEmpty() && !behindCloudflare) {
            origins.addAll(hostAddresses);
        }
        origins.addAll(apiOrigins(results, notes));
        origins = limit(distinct(origins), notes);

        List<Probe> probes = new ArrayList<>(cloudflare.checks(apiHost, behindCloudflare || target.namesCloudflare(), results));
        String hostText = target.hostText() != null ? target.hostText()
                : origins.isEmpty() ? null : origins.get(0).address();
        planEdge(target, hostAddresses, behindCloudflare, probes, results, notes);
        if (origins.isEmpty() && behindCloudflare) {
            notes.add(target.hostText() + " is proxied by Cloudflare, so its origin is hidden: give origin=ADDRESS"
                    + " (or map the host in the config) to probe the origin directly");
        }
        for (ClassifiedAddress origin : origins) {
            AddressCheck check = policy.check(parse(origin.address()));
            if (check instanceof AddressCheck.Allowed allowed) {
                planOrigin(allowed.vetted(), target, hostText, probes);
            } else {
                results.add(ProbeResult.blocked(ProbeKind.ORIGIN_TCP, origin.address(), check.classified().reason()));
            }
        }
        results.addAll(runner.runAll(probes, deadline));
        if (budget.toMillis() < 100_000 && results.stream().anyMatch(r -> r.facts(HttpFacts.class) != null
                && r.facts(HttpFacts.class).outcome() == HttpOutcome.NO_RESPONSE)) {
            notes.add("cf-triage waits " + budget.toMillis() + " ms; Cloudflare waits 100 s before a 524, so a slow origin"
                    + " may still answer Cloudflare in time");
        }
        return new Evidence(results, origins, startedAt, notes);
    }

    private void planEdge(ProbeTarget target, List<ClassifiedAddress> hostAddresses, boolean behindCloudflare,
                          List<Probe> probes, List<ProbeResult> results, List<String> notes) {
        if (target.host() == null) {
            return;
        }
        if (!behindCloudflare) {
            String why = hostAddresses.isEmpty() ? "the host has no address to reach the edge at"
                    : target.hostText() + " does not resolve to Cloudflare (not proxied, or DNS-only)";
            results.add(ProbeResult.skipped(ProbeKind.EDGE, target.hostText(), why));
            return;
        }
        hostAddresses.stream()
                .filter(a -> a.category() == AddressCategory.CLOUDFLARE)
                .min(Comparator.comparingInt(ClassifiedAddress::family))
                .map(a -> policy.check(parse(a.address())))
                .filter(AddressCheck.Allowed.class::isInstance)
                .map(c -> ((AddressCheck.Allowed) c).vetted())
                .ifPresentOrElse(edge -> {
                    probes.add(new EdgeProbe(edge, target.edgePort(), target.hostText(), target.path(), http));
                    probes.add(new EdgeTraceProbe(edge, target.edgePort(), target.hostText(), http));
                }, () -> notes.add("no Cloudflare edge address of " + target.hostText() + " may be probed"));
    }

    private void planOrigin(VettedAddress address, ProbeTarget target, String hostText, List<Probe> probes) {
        for (int port : target.ports()) {
            probes.add(originSlots.bound(address, new OriginTcpProbe(address, port)));
            if (CloudflarePorts.tls(port)) {
                probes.add(originSlots.bound(address, new OriginTlsProbe(address, port, hostText, trust, clock)));
            }
            probes.add(originSlots.bound(address, new OriginHttpProbe(address, port, hostText, target.path(), http)));
        }
    }

    /**
     * The addresses the host's proxied records in Cloudflare DNS point at: the origins Cloudflare connects to. A
     * record holding a Cloudflare address is not probed (Cloudflare refuses to connect to itself).
     */
    private static List<ClassifiedAddress> apiOrigins(List<ProbeResult> lookups, List<String> notes) {
        List<ClassifiedAddress> origins = new ArrayList<>();
        for (ProbeResult result : lookups) {
            ApiDnsFacts dns = result.facts(ApiDnsFacts.class);
            if (dns == null) {
                continue;
            }
            for (ClassifiedAddress address : dns.proxiedOrigins()) {
                if (address.category() == AddressCategory.CLOUDFLARE) {
                    notes.add("the proxied record for " + dns.host() + " holds the Cloudflare address " + address.address()
                            + ": not probed as an origin");
                } else {
                    origins.add(address);
                }
            }
        }
        return origins;
    }

    /** The addresses a host stands for: itself when it is a literal, else what its DNS probe answered. */
    private List<ClassifiedAddress> addressesOf(HostName host, List<ProbeResult> lookups) {
        if (host == null) {
            return List.of();
        }
        if (host instanceof HostName.Literal literal) {
            return List.of(policy.check(literal.address()).classified());
        }
        return lookups.stream()
                .map(r -> r.facts(DnsFacts.class))
                .filter(f -> f != null && f.host().equals(host.text()))
                .flatMap(f -> f.addresses().stream())
                .toList();
    }

    private static List<ClassifiedAddress> distinct(List<ClassifiedAddress> addresses) {
        Map<String, ClassifiedAddress> byText = new LinkedHashMap<>();
        addresses.forEach(a -> byText.putIfAbsent(a.address(), a));
        return new ArrayList<>(byText.values());
    }

    private static List<ClassifiedAddress> limit(List<ClassifiedAddress> addresses, List<String> notes) {
        List<ClassifiedAddress> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int family : new int[] {4, 6}) {
            List<ClassifiedAddress> ofFamily = addresses.stream().filter(a -> a.family() == family).toList();
            kept.addAll(ofFamily.subList(0, Math.min(ADDRESSES_PER_FAMILY, ofFamily.size())));
            ofFamily.stream().skip(ADDRESSES_PER_FAMILY).forEach(a -> dropped.add(a.address()));
        }
        if (!dropped.isEmpty()) {
            notes.add("not probed (at most " + ADDRESSES_PER_FAMILY + " addresses per family): " + String.join(", ", dropped));
        }
        return kept;
    }

    private static InetAddress parse(String canonical) {
        return ((HostName.Literal) HostNames.parse(canonical)).address();
    }

    @Override
    public void close() {
        http.close();
        cloudflare.close();
    }
}
