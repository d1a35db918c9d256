package dev.cftriage.internal.parse;

/** Who produced the error response: Cloudflare's edge, the origin behind it, or unknown. */
public enum Generator {
    CLOUDFLARE("cloudflare"),
    ORIGIN("origin"),
    UNKNOWN("unknown");

    private final String id;

    Generator(String id) {
        this.id = id;
    }

    /** The stable identifier used in the JSON report. */
    public String id() {
        return id;
    }
}
