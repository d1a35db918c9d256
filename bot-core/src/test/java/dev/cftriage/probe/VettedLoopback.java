package dev.cftriage.probe;

import dev.cftriage.net.AddressCheck;
import dev.cftriage.net.AddressPolicy;
import dev.cftriage.net.CidrSet;
import dev.cftriage.net.VettedAddress;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.util.List;

/** Vetted loopback addresses for probe tests: the policy with 127.0.0.0/8 opted in, as a lab operator would. */
final class VettedLoopback {
    private static final AddressPolicy POLICY = AddressPolicy.create(CidrSet.empty(), CidrSet.parse(List.of("127.0.0.0/8")));

    private VettedLoopback() {
    }

    /** The address, vetted. */
    static VettedAddress of(InetAddress address) {
        return ((AddressCheck.Allowed) POLICY.check(address)).vetted();
    }

    /** A fresh loopback address, vetted. */
    static VettedAddress next() {
        return of(LoopbackAddresses.next());
    }
}
