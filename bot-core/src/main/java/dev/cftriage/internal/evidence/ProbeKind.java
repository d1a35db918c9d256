package dev.cftriage.internal.evidence;

/**
 * What kind of check a probe is: its id as the report names it (the JSON report's {@code name}) and where its
 * facts come from. The one place a probe kind is spelled; code compares kinds, never names.
 */
public enum ProbeKind {
    /** The DNS lookup of the host. */
    DNS("dns", FactSource.PROBE),
    /** A request through Cloudflare's edge. */
    EDGE("edge", FactSource.PROBE),
    /** The edge's {@code /cdn-cgi/trace}. */
    EDGE_TRACE("edge-trace", FactSource.PROBE),
    /** A TCP connect to an origin address. */
    ORIGIN_TCP("origin-tcp", FactSource.PROBE),
    /** A TLS handshake with an origin address. */
    ORIGIN_TLS("origin-tls", FactSource.PROBE),
    /** A direct HTTP exchange with an origin address. */
    ORIGIN_HTTP("origin-http", FactSource.PROBE),
    /** Cloudflare's public status page. */
    STATUS_PAGE("status-page", FactSource.STATUS_PAGE),
    /** The zone that holds the host, from Cloudflare's API. */
    CF_API_ZONE("cf-api-zone", FactSource.API),
    /** The host's DNS records in the zone, from Cloudflare's API. */
    CF_API_DNS("cf-api-dns", FactSource.API),
    /** The zone's SSL/TLS mode, from Cloudflare's API. */
    CF_API_SSL("cf-api-ssl", FactSource.API),
    /** A Ray ID's request in the zone's logs, from Cloudflare's API. */
    CF_API_RAY("cf-api-ray", FactSource.API),
    /** The Cloudflare Tunnel the host is routed to, from Cloudflare's API. */
    CF_API_TUNNEL("cf-api-tunnel", FactSource.API);

    private final String id;
    private final FactSource source;

    ProbeKind(String id, FactSource source) {
        this.id = id;
        this.source = source;
    }

    /** The stable name the reports use, e.g. {@code origin-http}. */
    public String id() {
        return id;
    }

    /** Where this kind's facts come from. */
    public FactSource source() {
        return source;
    }
}
