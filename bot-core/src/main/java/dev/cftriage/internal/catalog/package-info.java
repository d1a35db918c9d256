/**
 * The error catalog: every Cloudflare code and cause cf-triage knows, read from {@code /catalog/codes.json} and
 * {@code /catalog/causes.json} (a new code or cause is data there, not code).
 */
package dev.cftriage.internal.catalog;
