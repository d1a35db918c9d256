/**
 * HTTP plumbing shared by the origin and edge probes: one exchange on OkHttp with phase timings, a capped response
 * read, failures named, and the ports Cloudflare proxies.
 */
package dev.cftriage.internal.http;
