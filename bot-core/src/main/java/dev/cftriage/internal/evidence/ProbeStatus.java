package dev.cftriage.internal.evidence;

/** How a probe ended. */
public enum ProbeStatus {
    /** The probe ran and what it checked works. */
    OK("ok"),
    /** The probe ran and found a fault (refused, timed out, bad certificate, 5xx …). */
    FAIL("fail"),
    /** The probe did not run because it did not apply (no origin known, offline, not behind Cloudflare …). */
    SKIPPED("skipped"),
    /** The probe did not run because its target is refused by the address or port policy. */
    BLOCKED("blocked"),
    /** The probe could not do its work for a reason that says nothing about the target (a bug, the budget ran out). */
    ERROR("error");

    private final String id;

    ProbeStatus(String id) {
        this.id = id;
    }

    /** The stable identifier used in the JSON report. */
    public String id() {
        return id;
    }
}
