/**
 * The configuration a user writes and loads: {@link dev.cftriage.config.TriageConfig} and its parts, read from a YAML
 * file and environment variables by {@link dev.cftriage.config.ConfigLoader}.
 *
 * <p>Public API.
 */
package dev.cftriage.config;
