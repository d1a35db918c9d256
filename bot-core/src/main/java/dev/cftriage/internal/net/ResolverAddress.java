package dev.cftriage.internal.net;

import dev.cftriage.input.BadInputException;
import java.net.InetSocketAddress;

/**
 * Reads a DNS resolver as an operator configures it: {@code HOST[:PORT]} where HOST is an IP literal
 * ({@code 1.1.1.1}, {@code 1.1.1.1:5353}, {@code ::1}, {@code [2606:4700::1111]:53}) and the port defaults to 53.
 * Names are refused: a resolver has to be reachable before any name can be looked up. Stateless.
 */
public final class ResolverAddress {
    /** The port a resolver listens on when the spec names none. */
    public static final int DNS_PORT = 53;

    private ResolverAddress() {
    }

    /**
     * The resolver's socket address; the spec is stripped first, null counts as empty.
     *
     * @throws BadInputException with a one-line reason naming the spec when it is empty, a name, malformed or has
     *     a bad port
     */
    public static InetSocketAddress parse(String spec) {
        String text = spec == null ? "" : spec.strip();
        if (text.isEmpty()) {
            throw new BadInputException("empty DNS resolver: give an IP address, optionally with :PORT");
        }
        String named = "DNS resolver '" + Texts.clip(text, 60) + "'";
        HostPort split;
        try {
            split = HostPort.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException(named + ": " + e.getMessage());
        }
        HostName host;
        try {
            host = HostNames.parse(split.host());
        } catch (BadInputException e) {
            throw new BadInputException(named + " is not an IP address: " + e.getMessage());
        }
        if (!(host instanceof HostName.Literal literal)) {
            throw new BadInputException(named + " is a name: give its IP address");
        }
        return new InetSocketAddress(literal.address(), split.port() == null ? DNS_PORT : split.port());
    }
}
