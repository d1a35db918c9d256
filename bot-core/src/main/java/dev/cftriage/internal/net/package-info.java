/**
 * Addresses and names: host name and host:port parsing, address classification and the policy that decides which
 * addresses may be probed, Cloudflare's address ranges and ports.
 */
package dev.cftriage.internal.net;
