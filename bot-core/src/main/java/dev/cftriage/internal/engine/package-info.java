/**
 * Runs the probes of one triage: plans them for a {@link dev.cftriage.internal.engine.ProbeTarget}, runs them within
 * the budget, limits concurrent probes per origin, and collects their results into {@code Evidence}; also the
 * engine's daemon thread pools.
 */
package dev.cftriage.internal.engine;
