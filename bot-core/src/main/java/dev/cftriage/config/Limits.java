package dev.cftriage.config;

import java.time.Duration;

/**
 * Bounds for a long-running bot: how long a triage result is shared, how many triages run at once, how many may
 * wait, and how often one user or channel may ask.
 *
 * @param shareFor how long a finished triage of the same target is reused (also how long identical requests in
 *     flight are joined)
 * @param maxConcurrent triages running at once
 * @param maxQueued triages waiting for a slot; past this a request is answered "busy"
 * @param perUserPerMinute requests one user may make in a minute
 * @param perChannelPerMinute requests one channel may make in a minute
 */
public record Limits(Duration shareFor, int maxConcurrent, int maxQueued, int perUserPerMinute, int perChannelPerMinute) {

    /** Defaults sized for one bot on a small machine. */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(15), 16, 64, 6, 20);
}
