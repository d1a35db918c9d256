package dev.cftriage.incidents;

/** What became of a Cloudflare alert handed to {@link IncidentDesk#recordAlert}. */
public enum AlertRecord {
    /** Written in the open incident's timeline (an end also told in its thread). */
    RECORDED,
    /** The same alert (correlation id and event) was recorded before: Cloudflare retried; nothing was done. */
    REPEAT,
    /** The host has no open incident: triage and file it first, then record the alert. */
    NO_INCIDENT
}
