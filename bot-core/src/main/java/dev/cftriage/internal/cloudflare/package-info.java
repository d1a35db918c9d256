/**
 * Facts from Cloudflare itself: the probes that ask its API (zone, DNS records, SSL mode, Ray ID, tunnel) and its
 * status page, and the refresh of its published address ranges.
 */
package dev.cftriage.internal.cloudflare;
