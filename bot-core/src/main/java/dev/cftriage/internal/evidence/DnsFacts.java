package dev.cftriage.internal.evidence;

import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.ClassifiedAddress;
import java.util.List;

/**
 * What DNS said about a host.
 *
 * @param host the name looked up
 * @param resolvers the resolvers asked, as {@code address:port}
 * @param outcome how the A/AAAA lookup ended
 * @param cnameChain the aliases followed, in order, starting with the host's own CNAME target (empty when none)
 * @param addresses the A and AAAA answers, classified
 * @param nameservers the NS records of the closest enclosing zone that has them (empty when unknown)
 * @param detail the resolver's error text when the lookup failed, else null
 * @param answersWithCheckingDisabled after a SERVFAIL, whether asking again with the CD (checking disabled) bit got
 *     addresses: true is the mark of broken DNSSEC, false of a failing name server; null when not asked
 */
public record DnsFacts(
        String host,
        List<String> resolvers,
        DnsOutcome outcome,
        List<String> cnameChain,
        List<ClassifiedAddress> addresses,
        List<String> nameservers,
        String detail,
        Boolean answersWithCheckingDisabled) implements ProbeFacts {

    public DnsFacts {
        resolvers = List.copyOf(resolvers);
        cnameChain = List.copyOf(cnameChain);
        addresses = List.copyOf(addresses);
        nameservers = List.copyOf(nameservers);
    }

    /** True when at least one answer is a Cloudflare edge address. */
    public boolean behindCloudflare() {
        return addresses.stream().anyMatch(a -> a.category() == AddressCategory.CLOUDFLARE);
    }

    @Override
    public ProbeStatus verdict() {
        if (outcome != DnsOutcome.ANSWERED) {
            return ProbeStatus.FAIL;
        }
        return addresses.stream().allMatch(a -> a.category().routable()) ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        return switch (outcome) {
            case ANSWERED -> host + " → " + String.join(", ", addresses.stream()
                    .map(a -> a.address() + " (" + a.category().id() + ")").toList());
            case NO_ADDRESS -> host + " has no A or AAAA record";
            case NXDOMAIN -> host + " does not exist (NXDOMAIN)";
            case SERVFAIL -> "the resolver failed to answer for " + host + " (SERVFAIL)"
                    + (answersWithCheckingDisabled == null ? ""
                    : answersWithCheckingDisabled ? ", yet answers when asked with checking disabled (CD): DNSSEC fails"
                    : ", also when asked with checking disabled (CD)");
            case REFUSED -> "the resolver refused to answer for " + host + " (REFUSED)";
            case TIMEOUT -> "no answer from the resolver for " + host + " (timeout)";
            case CNAME_LOOP -> "the CNAME chain of " + host + " loops: " + String.join(" → ", cnameChain);
            case ERROR -> "lookup of " + host + " failed: " + detail;
        };
    }
}
