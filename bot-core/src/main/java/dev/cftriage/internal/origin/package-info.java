/**
 * The probes of the origin server: TCP connect, the TLS handshake with its certificate checks, and the HTTP request
 * Cloudflare would make.
 */
package dev.cftriage.internal.origin;
