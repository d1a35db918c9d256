package dev.cftriage.internal.evidence;

/** How a DNS lookup of the host ended. */
public enum DnsOutcome {
    ANSWERED("answered"),
    NO_ADDRESS("no-address"),
    NXDOMAIN("nxdomain"),
    SERVFAIL("servfail"),
    REFUSED("refused"),
    TIMEOUT("timeout"),
    CNAME_LOOP("cname-loop"),
    ERROR("error");

    private final String id;

    DnsOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
