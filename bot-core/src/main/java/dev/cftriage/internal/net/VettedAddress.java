package dev.cftriage.internal.net;

import java.net.InetAddress;

/**
 * An address the {@link AddressPolicy} has checked and allowed. Only the policy creates these, so a probe that
 * takes one can connect only to an address that was checked — the exact address, never a name resolved again.
 */
public final class VettedAddress {
    private final InetAddress address;
    private final ClassifiedAddress classification;

    VettedAddress(InetAddress address, ClassifiedAddress classification) {
        this.address = address;
        this.classification = classification;
    }

    /** The address to connect to. */
    public InetAddress address() {
        return address;
    }

    /** The address's category and canonical text. */
    public ClassifiedAddress classification() {
        return classification;
    }

    /** The canonical text form of the address. */
    public String text() {
        return classification.address();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VettedAddress v && v.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
