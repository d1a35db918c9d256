package dev.cftriage.internal.dns;

import dev.cftriage.internal.evidence.ProbeContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/**
 * Sends single DNS questions to the resolvers within a probe's budget. Each question goes to a fresh dnsjava
 * {@link ExtendedResolver} (no cache: nothing carries over from one triage to the next) that tries every resolver
 * up to {@value #ATTEMPTS_PER_SERVER} times, each attempt's timeout cut from the budget left when the question is
 * asked (dnsjava's own default is 10 s). A question asked after the deadline fails at once with a
 * {@link TimeoutException}. Immutable and thread-safe; the answers complete on dnsjava's threads.
 */
final class DnsExchange {
    private static final int ATTEMPTS_PER_SERVER = 2;
    private static final long MIN_ATTEMPT_MILLIS = 100;
    private static final long MAX_ATTEMPT_MILLIS = 2_000;

    private final List<InetSocketAddress> servers;
    private final ProbeContext context;
    private final boolean checkingDisabled;

    /** An exchange with the given resolvers, at least one, under the given budget. */
    DnsExchange(List<InetSocketAddress> servers, ProbeContext context) {
        this(servers, context, false);
    }

    private DnsExchange(List<InetSocketAddress> servers, ProbeContext context, boolean checkingDisabled) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no DNS resolver to ask");
        }
        this.servers = List.copyOf(servers);
        this.context = context;
        this.checkingDisabled = checkingDisabled;
    }

    /**
     * The same exchange asking with the CD (checking disabled) bit set: a validating resolver then answers without
     * judging DNSSEC, so a name that fails only its validation resolves.
     */
    DnsExchange checkingDisabled() {
        return new DnsExchange(servers, context, true);
    }

    /** Asks for the records of one type at one name; the answer may carry any rcode. */
    CompletableFuture<Message> ask(Name name, int type) {
        if (context.expired()) {
            return CompletableFuture.failedFuture(new TimeoutException("the probe's time ran out before asking for " + name));
        }
        long remaining = context.remainingMillis();
        Duration attempt = Duration.ofMillis(Math.max(MIN_ATTEMPT_MILLIS,
                Math.min(MAX_ATTEMPT_MILLIS, remaining / ((long) servers.size() * ATTEMPTS_PER_SERVER))));
        List<Resolver> resolvers = servers.stream().map(server -> {
            SimpleResolver resolver = new SimpleResolver(server);
            resolver.setTimeout(attempt);
            return (Resolver) resolver;
        }).toList();
        ExtendedResolver resolver = new ExtendedResolver(resolvers);
        resolver.setRetries(ATTEMPTS_PER_SERVER);
        resolver.setLoadBalance(false);
        // The probe's own wait ends the lookup at the deadline: dnsjava's overall limit only has to come later.
        resolver.setTimeout(Duration.ofMillis(remaining).plus(attempt));
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        if (checkingDisabled) {
            query.getHeader().setFlag(Flags.CD);
        }
        return resolver.sendAsync(query).toCompletableFuture();
    }
}
