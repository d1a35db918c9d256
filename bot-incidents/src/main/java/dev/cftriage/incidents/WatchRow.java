package dev.cftriage.incidents;

import java.time.Instant;

/**
 * A watch as stored.
 *
 * @param incidentId the incident it follows
 * @param status {@code active}, or how it ended: {@code recovered}, {@code stopped}, {@code gave-up}
 * @param startedAt when it started
 * @param nextRunAt when its next run is due
 * @param healthyStreak how many runs in a row looked recovered
 * @param healthySince when the first of those runs saw it recovered, or null
 * @param runs how many runs it has made: the version a run's result is written against
 * @param holder the process holding its lease, or null
 * @param leaseExpiresAt when the holder's lease runs out
 */
record WatchRow(long incidentId, String status, Instant startedAt, Instant nextRunAt, int healthyStreak, Instant healthySince, int runs,
                String holder, Instant leaseExpiresAt) {
    static final String ACTIVE = "active";
}
