package dev.cftriage.internal.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Finds the nameservers of the closest enclosing zone that has NS records: asks for NS at the host, then at each
 * parent in turn, up to the top-level domain and at most {@value #MAX_LEVELS} names. A name without NS records of
 * its own (NODATA, NXDOMAIN, an alias, a failing zone) sends the walk one label up; a resolver that does not
 * answer ends it with nothing found. Immutable and thread-safe.
 */
final class NameserverWalk {
    private static final int MAX_LEVELS = 10;

    private final DnsExchange exchange;

    NameserverWalk(DnsExchange exchange) {
        this.exchange = exchange;
    }

    /** The NS targets, sorted and without trailing dot, or an empty list; the future never fails. */
    CompletableFuture<List<String>> nameservers(Name host) {
        return walk(host, 1);
    }

    private CompletableFuture<List<String>> walk(Name name, int level) {
        if (name.labels() <= 1 || level > MAX_LEVELS) {
            return CompletableFuture.completedFuture(List.of());
        }
        return exchange.ask(name, Type.NS)
                .handle((message, failure) -> failure != null
                        ? CompletableFuture.completedFuture(List.<String>of())
                        : found(message, name, level))
                .thenCompose(Function.identity());
    }

    private CompletableFuture<List<String>> found(Message message, Name name, int level) {
        List<String> nameservers = message.getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == Type.NS && r.getName().equals(name))
                .map(r -> CnameChase.text(((NSRecord) r).getTarget()))
                .sorted()
                .distinct()
                .toList();
        return nameservers.isEmpty() ? walk(new Name(name, 1), level + 1) : CompletableFuture.completedFuture(nameservers);
    }
}
