package dev.cftriage.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the desk, the watcher and the deliveries share: the database, the settings, the time, this process's lease
 * name and the platform.
 *
 * @param jdbc the database
 * @param shared true when other processes may share the database
 * @param settings the settings
 * @param clock the time (tests drive it)
 * @param holder this process's name on leases and claims
 * @param channel the platform
 */
record IncidentContext(Jdbc jdbc, boolean shared, IncidentSettings settings, Clock clock, String holder,
                       IncidentChannel channel) {

    Instant now() {
        return clock.instant();
    }

    /** How long a lease lasts: one first interval, so that a dead holder's watches move within two. */
    Duration leaseTtl() {
        return settings.interval();
    }

    /** How often the watcher looks for due runs and renews its leases: a quarter interval, at most 5 s. */
    Duration pollPeriod() {
        Duration quarter = settings.interval().dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : quarter;
    }
}
