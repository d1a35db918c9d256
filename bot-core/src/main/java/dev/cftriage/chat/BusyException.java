package dev.cftriage.chat;

import java.time.Duration;

/** Every triage slot and queue place is taken: the request was not started. */
public final class BusyException extends RuntimeException {
    private final Duration retryAfter;

    public BusyException(Duration retryAfter) {
        super("cf-triage is busy with other triages; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    /** When a retry is likely to find a free slot. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
