package dev.cftriage.internal.net;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Cloudflare's edge ranges as the address classifier reads them now: a holder whose list can be swapped at once
 * (by the {@code /ips} refresh) while checks keep running. Starts with the list it was given; every reader sees
 * either the old or the new list, never a mix. Thread-safe.
 */
public final class CloudflareRanges {
    private final AtomicReference<CidrSet> current;

    private CloudflareRanges(CidrSet initial) {
        this.current = new AtomicReference<>(initial);
    }

    /** A holder starting with these ranges. */
    public static CloudflareRanges of(CidrSet initial) {
        return new CloudflareRanges(initial);
    }

    /** The ranges in force. */
    public CidrSet current() {
        return current.get();
    }

    /** Puts new ranges in force for every later check. */
    public void replace(CidrSet ranges) {
        current.set(ranges);
    }
}
