package dev.cftriage.internal.net;

import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides which addresses the probes may connect to. A chat user chooses the target, so everything that is not
 * a routable public address is refused — loopback, private, link-local, CGNAT, multicast, reserved, documentation,
 * unspecified and cloud metadata addresses, and the IPv6 forms that carry one — unless the operator opted its
 * range in with an allow list (for labs and tests). Checks run on resolved addresses; the {@link VettedAddress}
 * handed out is the only thing probes connect to. Thread-safe; Cloudflare's ranges may be refreshed underneath.
 */
public final class AddressPolicy {
    private static final IPAddressGenerator GENERATOR = new IPAddressGenerator();

    private final AddressClassifier classifier;
    private final CidrSet allowed;

    private AddressPolicy(CloudflareRanges cloudflareRanges, CidrSet allowed) {
        this.classifier = new AddressClassifier(cloudflareRanges);
        this.allowed = allowed;
    }

    /**
     * A policy.
     *
     * @param cloudflareRanges Cloudflare's edge ranges, for the {@code cloudflare} category
     * @param allowed ranges that may be probed although not public (opt-in; empty in production)
     */
    public static AddressPolicy create(CidrSet cloudflareRanges, CidrSet allowed) {
        return new AddressPolicy(CloudflareRanges.of(cloudflareRanges), allowed);
    }

    /**
     * A policy whose Cloudflare ranges follow a holder that may be refreshed while the policy is in use.
     *
     * @param cloudflareRanges Cloudflare's edge ranges as they stand at each check
     * @param allowed ranges that may be probed although not public (opt-in; empty in production)
     */
    public static AddressPolicy create(CloudflareRanges cloudflareRanges, CidrSet allowed) {
        return new AddressPolicy(cloudflareRanges, allowed);
    }

    /**
     * Classifies the address and decides whether it may be probed. Membership of Cloudflare's ranges sets the
     * category but never the permission: only a public address, or one the operator opted in, may be probed, so
     * a wrong ranges file cannot open a way to loopback or metadata addresses.
     */
    public AddressCheck check(InetAddress address) {
        InetAddress bare = rebuilt(address);
        AddressCategory special = classifier.special(bare);
        AddressCategory category = classifier.cloudflare(bare) ? AddressCategory.CLOUDFLARE : special;
        String text = canonical(bare);
        int family = bare instanceof Inet6Address ? 6 : 4;
        if (special.routable() || allowed.contains(bare)) {
            return new AddressCheck.Allowed(new VettedAddress(bare, new ClassifiedAddress(text, family, category, true, null)));
        }
        String reason = text + " is a " + special.id() + " address: cf-triage does not connect to it"
                + " (an operator can opt a lab range in with --allow-target)";
        return new AddressCheck.Refused(new ClassifiedAddress(text, family, category, false, reason));
    }

    /**
     * The canonical text of an address: dotted IPv4, compressed lower-case IPv6 without zone; an IPv4-mapped IPv6
     * address is written as its IPv4 address.
     */
    public static String canonical(InetAddress address) {
        InetAddress bare = rebuilt(address);
        return bare instanceof Inet6Address ? GENERATOR.from(bare).toCanonicalString() : bare.getHostAddress();
    }

    /**
     * The address rebuilt from its bytes: an IPv6 address loses its zone (even a zone of 0, which Java still
     * prints as {@code %0}) and an IPv4-mapped one becomes the {@link java.net.Inet4Address} it stands for.
     */
    private static InetAddress rebuilt(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            try {
                return InetAddress.getByAddress(v6.getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalStateException("sixteen bytes are always an IPv6 address", e);
            }
        }
        return address;
    }
}
