package dev.cftriage.internal.net;

/** What kind of address an IP is, from the point of view of a prober on the public Internet. */
public enum AddressCategory {
    PUBLIC("public", true),
    CLOUDFLARE("cloudflare", true),
    PRIVATE("private", false),
    LOOPBACK("loopback", false),
    LINK_LOCAL("link-local", false),
    CGNAT("cgnat", false),
    MULTICAST("multicast", false),
    RESERVED("reserved", false),
    DOCUMENTATION("documentation", false),
    UNSPECIFIED("unspecified", false),
    METADATA("metadata", false);

    private final String id;
    private final boolean routable;

    AddressCategory(String id, boolean routable) {
        this.id = id;
        this.routable = routable;
    }

    /** The stable identifier used in the JSON report. */
    public String id() {
        return id;
    }

    /** True when Cloudflare (or anyone on the Internet) could route to an address of this kind. */
    public boolean routable() {
        return routable;
    }
}
