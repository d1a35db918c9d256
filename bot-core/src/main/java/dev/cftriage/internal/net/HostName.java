package dev.cftriage.internal.net;

import java.net.InetAddress;

/** A host as a user wrote it, after normalisation: a DNS name or an IP literal. */
public sealed interface HostName {

    /** The normalised text: lower-case punycode name, or the canonical address. */
    String text();

    /** A DNS name: lower case, punycode (IDNA), no trailing dot. */
    record Name(String text) implements HostName {
    }

    /** An IP literal, in any spelling the user used (dotted, decimal, octal, hex, bracketed IPv6 …). */
    record Literal(InetAddress address) implements HostName {
        @Override
        public String text() {
            return AddressPolicy.canonical(address);
        }
    }
}
