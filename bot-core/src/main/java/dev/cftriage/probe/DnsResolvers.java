package dev.cftriage.probe;

import dev.cftriage.BadInputException;
import dev.cftriage.net.AddressPolicy;
import dev.cftriage.net.HostName;
import dev.cftriage.net.HostNames;
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
    private static final int DNS_PORT = 53;

    /** The configured resolvers; empty means the system's. */
    private final List<InetSocketAddress> configured;

    private DnsResolvers(List<InetSocketAddress> configured) {
        this.configured = List.copyOf(configured);
    }

    /**
     * Parses resolver specs, each {@code HOST[:PORT]} with HOST an IP literal: {@code 1.1.1.1},
     * {@code 1.1.1.1:5353}, {@code ::1}, {@code [2606:4700::1111]:53}. The port defaults to 53; duplicates are
     * dropped. An empty list means the system's resolvers, read when a lookup runs.
     *
     * @throws BadInputException with a one-line reason when a spec is a name, malformed, or has a bad port
     */
    public static DnsResolvers parse(List<String> specs) {
        Set<InetSocketAddress> servers = new LinkedHashSet<>();
        for (String spec : specs) {
            servers.add(server(spec == null ? "" : spec.strip()));
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

    private static InetSocketAddress server(String spec) {
        if (spec.isEmpty()) {
            throw new BadInputException("empty DNS resolver: give an IP address, optionally with :PORT");
        }
        String host = spec;
        String port = null;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                throw new BadInputException("DNS resolver '" + spec + "' opens a bracket but does not close it");
            }
            host = spec.substring(0, close + 1);
            String rest = spec.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new BadInputException("DNS resolver '" + spec + "': expected :PORT after the bracket");
                }
                port = rest.substring(1);
            }
        } else if (spec.indexOf(':') >= 0 && spec.indexOf(':') == spec.lastIndexOf(':')) {
            host = spec.substring(0, spec.indexOf(':'));
            port = spec.substring(spec.indexOf(':') + 1);
        }
        HostName parsed;
        try {
            parsed = HostNames.parse(host);
        } catch (BadInputException e) {
            throw new BadInputException("DNS resolver '" + spec + "' is not an IP address: " + e.getMessage());
        }
        if (!(parsed instanceof HostName.Literal literal)) {
            throw new BadInputException("DNS resolver '" + spec + "' is a name: give its IP address");
        }
        return new InetSocketAddress(literal.address(), port == null ? DNS_PORT : port(spec, port));
    }

    private static int port(String spec, String text) {
        boolean digits = !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        int port = digits ? Integer.parseInt(text) : -1;
        if (port < 1 || port > 65_535) {
            throw new BadInputException("DNS resolver '" + spec + "': the port must be a number from 1 to 65535");
        }
        return port;
    }
}
