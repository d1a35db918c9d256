package dev.cftriage.report;

/**
 * The error code the diagnosis is about, with the catalog's explanation.
 *
 * @param code the HTTP status (or a 1xxx code when only that is known)
 * @param errorCode the Cloudflare 1xxx code that came with a 530, or null
 * @param title the code's short name, e.g. "Origin is unreachable"
 * @param meaning one or two sentences on what the code means
 * @param side whose side the fault is usually on: {@code origin}, {@code cloudflare}, {@code dns}, {@code network},
 *     {@code visitor} or {@code either}
 * @param source where the code came from: {@code input} (the paste), {@code command} (e.g. /cf523), {@code edge}
 *     (the live answer) or {@code none}
 * @param known false when the catalog has no entry for the code
 */
public record CodeSummary(Integer code, Integer errorCode, String title, String meaning, String side, String source,
                          boolean known) {
}
