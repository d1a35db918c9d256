package dev.cftriage.internal.net;

/**
 * An IP address with its category and whether the probes may connect to it.
 *
 * @param address the address in canonical text form (IPv6 compressed, no brackets or zone)
 * @param family 4 or 6
 * @param category what kind of address it is
 * @param allowed true when the address policy lets probes connect to it
 * @param reason why it is refused, or null when allowed
 */
public record ClassifiedAddress(String address, int family, AddressCategory category, boolean allowed, String reason) {
}
