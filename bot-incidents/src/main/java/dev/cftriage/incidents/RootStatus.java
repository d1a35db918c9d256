package dev.cftriage.incidents;

/** The status mark of an incident's root message. */
public enum RootStatus {
    /** A watch follows the incident. */
    WATCHING,
    /** The site recovered; the watch ended. */
    RECOVERED,
    /** Someone stopped the watch by hand. */
    STOPPED,
    /** The watch ran for {@code watch.maxDuration} and gave up. */
    GAVE_UP
}
