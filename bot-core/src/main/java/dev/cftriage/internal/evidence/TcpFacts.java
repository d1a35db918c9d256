package dev.cftriage.internal.evidence;

/**
 * What a TCP connect to one origin address and port saw.
 *
 * @param address the address connected to (canonical text)
 * @param port the port
 * @param outcome how the connect ended
 * @param connectMs time until the connect ended (success or failure)
 * @param detail the socket error text when it did not connect, else null
 */
public record TcpFacts(String address, int port, TcpOutcome outcome, long connectMs, String detail) implements ProbeFacts {

    @Override
    public ProbeStatus verdict() {
        return outcome == TcpOutcome.CONNECTED ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        String where = Endpoints.format(address, port);
        return switch (outcome) {
            case CONNECTED -> where + " accepted the connection in " + connectMs + " ms";
            case REFUSED -> where + " refused the connection (nothing listening, or a firewall rejecting)";
            case TIMED_OUT -> where + " did not answer the SYN within " + connectMs + " ms (dropped by a firewall, or down)";
            case UNREACHABLE -> where + " is unreachable (no route): " + detail;
        };
    }
}
