package dev.cftriage.internal.dns;

import dev.cftriage.internal.evidence.DnsFacts;
import dev.cftriage.internal.evidence.DnsOutcome;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS probe: what the resolvers say about a host. Looks up A and AAAA in parallel, following and recording
 * the CNAME chain, and meanwhile the NS records of the closest enclosing zone that has them; classifies every
 * address with the {@link AddressPolicy} (the probe itself connects to nothing but the resolvers).
 *
 * <p>Tells apart an answer, a name without addresses, NXDOMAIN, SERVFAIL, REFUSED, a resolver that does not
 * answer (timeout), a CNAME loop and other errors — all facts, not exceptions. Returns before the context's
 * deadline even when a resolver stays silent: each attempt's timeout is cut from the budget, and whatever has not
 * answered by the deadline counts as a timeout. Nothing is cached between runs. Immutable and thread-safe.
 */
public final class DnsProbe implements Probe {
    private final String host;
    private final Name name;
    private final DnsResolvers resolvers;
    private final AddressPolicy policy;

    /**
     * A probe of one host.
     *
     * @param host a DNS name, normalised as {@link HostNames#parse} does (case, trailing dot, IDN)
     * @throws BadInputException when the host is not a valid DNS name (an IP literal included: it has no records)
     */
    public DnsProbe(String host, DnsResolvers resolvers, AddressPolicy policy) {
        HostName parsed = HostNames.parse(host);
        if (!(parsed instanceof HostName.Name)) {
            throw new BadInputException("'" + parsed.text() + "' is an IP address: there is no DNS record to look up");
        }
        this.host = parsed.text();
        try {
            this.name = Name.fromString(this.host, Name.root);
        } catch (TextParseException e) {
            throw new BadInputException("'" + this.host + "' is not a valid DNS name: " + e.getMessage());
        }
        this.resolvers = Objects.requireNonNull(resolvers, "resolvers");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.DNS;
    }

    @Override
    public String target() {
        return host;
    }

    @Override
    public DnsFacts run(ProbeContext context) throws InterruptedException {
        List<InetSocketAddress> servers = resolvers.servers();
        List<String> asked = servers.stream().map(DnsResolvers::describe).toList();
        if (servers.isEmpty()) {
            return new DnsFacts(host, asked, DnsOutcome.ERROR, List.of(), List.of(), List.of(),
                    "no DNS resolver to ask: none is configured and the system lists none", null);
        }
        DnsExchange exchange = new DnsExchange(servers, context);
        CnameChase chase = new CnameChase(exchange);
        CompletableFuture<DnsAnswer> v4 = chase.lookup(name, Type.A);
        CompletableFuture<DnsAnswer> v6 = chase.lookup(name, Type.AAAA);
        CompletableFuture<List<String>> nameservers = new NameserverWalk(exchange).nameservers(name);
        awaitUntilDeadline(CompletableFuture.allOf(v4, v6, nameservers), context);

        DnsAnswer timedOut = DnsAnswer.failed(DnsOutcome.TIMEOUT, List.of(), "no answer from any resolver in time");
        DnsAnswer a = v4.getNow(timedOut);
        DnsAnswer aaaa = v6.getNow(timedOut);
        DnsAnswer verdict = verdict(a, aaaa);
        List<ClassifiedAddress> addresses = verdict.outcome() == DnsOutcome.ANSWERED ? classify(a, aaaa) : List.of();
        List<String> chain = verdict.chain().stream().map(CnameChase::text).toList();
        Boolean withoutChecking = verdict.outcome() == DnsOutcome.SERVFAIL ? answersWithCheckingDisabled(exchange, context) : null;
        return new DnsFacts(host, asked, verdict.outcome(), chain, addresses, nameservers.getNow(List.of()),
                verdict.detail(), withoutChecking);
    }

    /**
     * Asks for the A and AAAA records again with the CD bit: true when addresses come back (the name fails only its
     * DNSSEC validation), false when it fails again, null when the budget ran out first.
     */
    private Boolean answersWithCheckingDisabled(DnsExchange exchange, ProbeContext context) throws InterruptedException {
        if (context.expired()) {
            return null;
        }
        CnameChase chase = new CnameChase(exchange.checkingDisabled());
        CompletableFuture<DnsAnswer> v4 = chase.lookup(name, Type.A);
        CompletableFuture<DnsAnswer> v6 = chase.lookup(name, Type.AAAA);
        awaitUntilDeadline(CompletableFuture.allOf(v4, v6), context);
        if (!v4.isDone() || !v6.isDone()) {
            return v4.isDone() && v4.join().outcome() == DnsOutcome.ANSWERED ? Boolean.TRUE : null;
        }
        return v4.join().outcome() == DnsOutcome.ANSWERED || v6.join().outcome() == DnsOutcome.ANSWERED;
    }

    private static void awaitUntilDeadline(CompletableFuture<?> all, ProbeContext context) throws InterruptedException {
        long wait = context.usableMillis();
        try {
            all.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // What has not answered by now counts as a timeout.
        } catch (ExecutionException e) {
            throw new IllegalStateException("a DNS lookup failed outside its own handling", e.getCause());
        }
    }

    /**
     * The A and AAAA lookups read together: answered when either has addresses; no address when both found the
     * name empty; else the first failure, the A lookup's before the AAAA one's.
     */
    private static DnsAnswer verdict(DnsAnswer a, DnsAnswer aaaa) {
        if (a.outcome() == DnsOutcome.ANSWERED || aaaa.outcome() == DnsOutcome.ANSWERED) {
            List<Name> chain = a.chain().size() >= aaaa.chain().size() ? a.chain() : aaaa.chain();
            return DnsAnswer.answered(chain, List.of());
        }
        if (a.outcome() != DnsOutcome.NO_ADDRESS) {
            return a;
        }
        if (aaaa.outcome() != DnsOutcome.NO_ADDRESS) {
            return aaaa;
        }
        return DnsAnswer.failed(DnsOutcome.NO_ADDRESS, a.chain(), "no A or AAAA record");
    }

    private List<ClassifiedAddress> classify(DnsAnswer a, DnsAnswer aaaa) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        List<Record> records = new ArrayList<>(a.records());
        records.addAll(aaaa.records());
        for (Record record : records) {
            if (record instanceof ARecord v4) {
                addresses.add(v4.getAddress());
            } else if (record instanceof AAAARecord v6) {
                addresses.add(v6.getAddress());
            }
        }
        return addresses.stream().map(address -> policy.check(address).classified()).toList();
    }
}
