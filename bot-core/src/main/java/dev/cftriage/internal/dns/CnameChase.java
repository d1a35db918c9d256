package dev.cftriage.internal.dns;

import dev.cftriage.internal.evidence.DnsOutcome;
import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Looks up one record type at a name, following its CNAMEs: through the chain a recursive resolver returns in
 * one answer, and by asking again when an answer stops at an alias. Records every target in order, stops at the
 * first name seen twice ({@link DnsOutcome#CNAME_LOOP}), and reads the rcode as applying to the last name of
 * the chain (RFC 6604). Bounded: at most {@value #MAX_CHAIN} aliases and {@value #MAX_QUESTIONS} questions.
 * Immutable and thread-safe.
 *
 * <p>dnsjava's {@code LookupSession} was tried first and does not fit: it reports REFUSED only as the text of a
 * generic {@code LookupFailedException}, and drops the chain on NXDOMAIN and on loops (a dangling CNAME is the
 * case a triage most needs to show).
 */
final class CnameChase {
    private static final int MAX_CHAIN = 16;
    private static final int MAX_QUESTIONS = 8;

    private final DnsExchange exchange;

    CnameChase(DnsExchange exchange) {
        this.exchange = exchange;
    }

    /** Looks up {@code type} at {@code name}; the future never fails, a failure is a {@link DnsAnswer}. */
    CompletableFuture<DnsAnswer> lookup(Name name, int type) {
        Set<Name> seen = new HashSet<>();
        seen.add(name);
        return ask(name, type, new ArrayList<>(), seen, 1);
    }

    private CompletableFuture<DnsAnswer> ask(Name name, int type, List<Name> chain, Set<Name> seen, int questions) {
        return exchange.ask(name, type)
                .handle((message, failure) -> failure != null
                        ? CompletableFuture.completedFuture(failed(failure, chain))
                        : read(message, name, type, chain, seen, questions))
                .thenCompose(Function.identity());
    }

    private CompletableFuture<DnsAnswer> read(Message message, Name asked, int type, List<Name> chain, Set<Name> seen,
            int questions) {
        Name current = asked;
        for (Name target = aliasOf(message, current); target != null; target = aliasOf(message, current)) {
            chain.add(target);
            if (!seen.add(target)) {
                return done(DnsAnswer.failed(DnsOutcome.CNAME_LOOP, chain, "the CNAME chain returns to " + text(target)));
            }
            if (chain.size() > MAX_CHAIN) {
                return done(DnsAnswer.failed(DnsOutcome.ERROR, chain, "the CNAME chain is longer than " + MAX_CHAIN));
            }
            current = target;
        }
        Name end = current;
        List<Record> records = message.getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == type && r.getName().equals(end))
                .toList();
        if (!records.isEmpty()) {
            return done(DnsAnswer.answered(chain, records));
        }
        int rcode = message.getRcode();
        return switch (rcode) {
            case Rcode.NOERROR -> end.equals(asked) || questions >= MAX_QUESTIONS
                    ? done(DnsAnswer.failed(DnsOutcome.NO_ADDRESS, chain, text(end) + " has no " + Type.string(type) + " record"))
                    : ask(end, type, chain, seen, questions + 1);
            case Rcode.NXDOMAIN -> done(DnsAnswer.failed(DnsOutcome.NXDOMAIN, chain, text(end) + " does not exist (NXDOMAIN)"));
            case Rcode.SERVFAIL -> done(DnsAnswer.failed(DnsOutcome.SERVFAIL, chain, "SERVFAIL for " + text(end)));
            case Rcode.REFUSED -> done(DnsAnswer.failed(DnsOutcome.REFUSED, chain, "REFUSED for " + text(end)));
            default -> done(DnsAnswer.failed(DnsOutcome.ERROR, chain,
                    "the resolver answered " + Rcode.string(rcode) + " for " + text(end)));
        };
    }

    /** The target of the CNAME owned by {@code name} in the answer section, or null when there is none. */
    private static Name aliasOf(Message message, Name name) {
        return message.getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == Type.CNAME && r.getName().equals(name))
                .map(r -> ((CNAMERecord) r).getTarget())
                .findFirst()
                .orElse(null);
    }

    /** The lookup's end when the resolvers could not be asked or did not answer. */
    private static DnsAnswer failed(Throwable failure, List<Name> chain) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            return DnsAnswer.failed(DnsOutcome.TIMEOUT, chain, "no answer from any resolver: " + cause.getMessage());
        }
        if (cause instanceof PortUnreachableException) {
            return DnsAnswer.failed(DnsOutcome.TIMEOUT, chain, "no DNS server listens at the resolver's port");
        }
        String kind = cause instanceof IOException ? "" : cause.getClass().getSimpleName() + ": ";
        return DnsAnswer.failed(DnsOutcome.ERROR, chain, kind + cause.getMessage());
    }

    /** A name as the report shows it: without the trailing dot. */
    static String text(Name name) {
        return name.toString(true);
    }

    private static CompletableFuture<DnsAnswer> done(DnsAnswer answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
