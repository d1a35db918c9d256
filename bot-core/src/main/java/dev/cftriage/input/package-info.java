/**
 * How cf-triage rejects input it cannot work with: {@link dev.cftriage.input.BadInputException}, thrown with a
 * one-line message by every layer, from the config loader to the paste parser.
 *
 * <p>Public API. A package of its own so that every other package may throw it without a package cycle.
 */
package dev.cftriage.input;
