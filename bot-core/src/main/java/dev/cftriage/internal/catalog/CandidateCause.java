package dev.cftriage.internal.catalog;

/**
 * A cause a code commonly has.
 *
 * @param id the cause id (a key of the cause catalog)
 * @param prior how likely the cause is for this code before any evidence, 0 to 1
 */
public record CandidateCause(String id, double prior) {
}
