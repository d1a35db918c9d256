package dev.cftriage.internal.parse;

import com.fasterxml.jackson.annotation.JsonValue;

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
    @JsonValue
    public String id() {
        return id;
    }
}
