package dev.cftriage.internal.evidence;

/** How a TCP connect ended. */
public enum TcpOutcome {
    CONNECTED("connected"),
    REFUSED("refused"),
    TIMED_OUT("timed-out"),
    UNREACHABLE("unreachable");

    private final String id;

    TcpOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
