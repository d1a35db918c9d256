package dev.cftriage.testing;

import dev.cftriage.internal.net.AddressCheck;
import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.CidrSet;
import dev.cftriage.internal.net.VettedAddress;
import java.net.InetAddress;
import java.util.List;

/** Vetted loopback addresses for probe tests: the policy with 127.0.0.0/8 opted in, as a lab operator would. */
public final class VettedLoopback {
    private static final AddressPolicy POLICY = AddressPolicy.create(CidrSet.empty(), CidrSet.parse(List.of("127.0.0.0/8")));

    private VettedLoopback() {
    }

    /** The address, vetted. */
    public static VettedAddress of(InetAddress address) {
        return ((AddressCheck.Allowed) POLICY.check(address)).vetted();
    }

    /** A fresh loopback address, vetted. */
    public static VettedAddress next() {
        return of(LoopbackAddresses.next());
    }
}
