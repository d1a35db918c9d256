package dev.cftriage.incidents;

/** The outcome of asking for a watch. */
public sealed interface WatchStart {

    /** The watch started; its thread was told. */
    record Started(IncidentSummary incident) implements WatchStart {
    }

    /** A watch already follows the incident; nothing new started. */
    record AlreadyWatching(IncidentSummary incident) implements WatchStart {
    }

    /** No watch could start; the reason is one line for the user. */
    record Refused(String reason) implements WatchStart {
    }
}
