package dev.cftriage.internal.evidence;

import com.fasterxml.jackson.annotation.JsonValue;

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

    @JsonValue
    public String id() {
        return id;
    }
}
