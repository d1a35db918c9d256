/**
 * The probes of Cloudflare's edge for the host: the request a visitor makes (the error page and the structured
 * error it returns) and {@code /cdn-cgi/trace}.
 */
package dev.cftriage.internal.edge;
