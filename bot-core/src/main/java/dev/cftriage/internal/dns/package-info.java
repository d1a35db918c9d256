/**
 * The DNS probe: asks the configured resolvers (dnsjava) for a host's A and AAAA records, following its CNAME chain,
 * and for the name servers of its closest enclosing zone, within the probe's deadline.
 */
package dev.cftriage.internal.dns;
