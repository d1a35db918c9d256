package dev.cftriage.incidents;

/** What to do with a triage request for a host: run it, or answer with the host's open incident. */
public sealed interface Admission {

    /** No incident is open for the host: run the triage (and {@link IncidentDesk#file file} the report). */
    record Proceed() implements Admission {
    }

    /**
     * An incident is open for the host: answer with its verdict and link, start no probe run; the request is in the
     * incident's timeline already.
     */
    record Joined(IncidentSummary incident) implements Admission {
    }
}
