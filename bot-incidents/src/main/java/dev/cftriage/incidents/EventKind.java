package dev.cftriage.incidents;

/** What a timeline entry records. */
public enum EventKind {
    /** The report that opened the incident. */
    OPENED,
    /** A later report made by hand (a re-run). */
    REPORT,
    /** A watch's run saw something change. */
    CHANGE,
    /** Someone pressed a button or ran a command (Re-run, Watch, Stop, Timeline). */
    ACTION,
    /** A triage of the host from another channel or person, answered with the incident's verdict. */
    JOINED,
    /** A Cloudflare alert about the host. */
    ALERT,
    /** A watch started, stopped or gave up. */
    WATCH,
    /** The site recovered. */
    RECOVERED,
    /** The incident was closed without a recovery (stale, or closed by hand). */
    CLOSED
}
