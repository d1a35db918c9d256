package dev.cftriage.internal.evidence;

/** Where a fact came from: cf-triage's own probes, Cloudflare's status page, or Cloudflare's API. */
public enum FactSource {
    /** A probe cf-triage ran itself (DNS, the edge, the origin). */
    PROBE("probe", "probe"),
    /** Cloudflare's public status page. */
    STATUS_PAGE("status-page", "status page"),
    /** Cloudflare's API, with the operator's token (or its public {@code /ips} list). */
    API("api", "API");

    private final String id;
    private final String label;

    FactSource(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The stable identifier used in the JSON report. */
    public String id() {
        return id;
    }

    /** The name people read, e.g. in an evidence line's {@code [API]} tag. */
    public String label() {
        return label;
    }
}
