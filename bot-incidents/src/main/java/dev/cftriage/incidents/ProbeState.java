package dev.cftriage.incidents;

/**
 * One probe's outcome as a watch remembers it.
 *
 * @param name the probe kind, e.g. {@code origin-tcp}
 * @param target what was probed, e.g. {@code 192.0.2.1:443}
 * @param status the report's status id: {@code ok}, {@code fail}, {@code skipped}, {@code blocked} or {@code error}
 */
public record ProbeState(String name, String target, String status) {

    /** The key that matches this probe across runs: its name and target. */
    public String key() {
        return name + " " + target;
    }

    boolean failed() {
        return "fail".equals(status);
    }

    boolean passed() {
        return "ok".equals(status);
    }
}
