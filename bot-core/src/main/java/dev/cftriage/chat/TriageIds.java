package dev.cftriage.chat;

import java.util.concurrent.ThreadLocalRandom;

/** Short random ids that tie a triage's log lines together (MDC key {@value #MDC_KEY}). Thread-safe. */
final class TriageIds {
    /** The MDC key a triage's log lines carry its id under. */
    static final String MDC_KEY = "triage";

    private TriageIds() {
    }

    /** A new id: 12 hex digits, unique enough to find one triage's lines in a day of logs. */
    static String next() {
        return String.format("%012x", ThreadLocalRandom.current().nextLong() & 0xffff_ffff_ffffL);
    }
}
