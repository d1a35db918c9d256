package dev.cftriage.internal.dns;

import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.ResolverAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.ResolverConfig;

/**
 * The DNS resolvers the {@link DnsProbe} asks: the ones the operator configured, or the system's. The operator
 * chooses them, not a chat user, so any IP address is accepted, loopback included. Immutable and thread-safe.
 */
public final class DnsResolvers {
    /** The configured resolvers; empty means the system's. */
    private final List<InetSocketAddress> configured;

    private DnsResolvers(List<InetSocketAddress> configured) {
        this.configured = List.copyOf(configured);
    }

    /**
     * Parses resolver specs as {@link ResolverAddress} reads them ({@code HOST[:PORT]} with HOST an IP literal,
     * port 53 by default); duplicates are dropped. An empty list means the system's resolvers, read when a lookup runs.
     *
     * @throws BadInputException with a one-line reason when a spec is a name, malformed, or has a bad port
     */
    public static DnsResolvers parse(List<String> specs) {
        Set<InetSocketAddress> servers = new LinkedHashSet<>();
        for (String spec : specs) {
            servers.add(ResolverAddress.parse(spec));
        }
        return new DnsResolvers(new ArrayList<>(servers));
    }

    /** The resolvers as {@code address:port} ({@code [v6]:port}), as configured (dnsjava picks the order to ask). */
    public List<String> describe() {
        return servers().stream().map(DnsResolvers::describe).toList();
    }

    /**
     * The resolvers to ask: the configured ones, else the system's at this moment (dnsjava falls back to
     * localhost:53 when the system lists none; an empty list is still handled as "nothing to ask").
     */
    List<InetSocketAddress> servers() {
        return configured.isEmpty() ? ResolverConfig.getCurrentConfig().servers() : configured;
    }

    static String describe(InetSocketAddress server) {
        String address = AddressPolicy.canonical(server.getAddress());
        return (server.getAddress() instanceof Inet6Address ? "[" + address + "]" : address) + ":" + server.getPort();
    }
}
