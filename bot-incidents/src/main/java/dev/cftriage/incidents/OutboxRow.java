package dev.cftriage.incidents;

/**
 * One thing to tell the platform, recorded before it is told.
 *
 * @param id its id (posts go out in id order)
 * @param incidentId the incident it belongs to
 * @param key the stable idempotency key handed to the platform
 * @param kind {@code thread} (a post in the thread) or a {@link RootStatus} name (the root's status mark)
 * @param body the text
 */
record OutboxRow(long id, long incidentId, String key, String kind, String body) {
    static final String THREAD = "thread";
}
