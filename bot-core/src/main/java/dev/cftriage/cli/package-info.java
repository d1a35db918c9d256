/**
 * The command-line entry point: {@link dev.cftriage.cli.Main} (picocli), which prints the text or JSON report.
 *
 * <p>Public API (the command, its flags and its exit codes).
 */
package dev.cftriage.cli;
