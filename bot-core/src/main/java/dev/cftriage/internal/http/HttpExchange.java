package dev.cftriage.internal.http;

import dev.cftriage.internal.evidence.HttpFacts;

/**
 * What one probe GET produced: the facts, and the body text read (capped) for probes that look into it.
 *
 * @param facts the exchange as the report shows it
 * @param body the body read, decoded with the response's charset (UTF-8 by default), or null when no response came
 */
public record HttpExchange(HttpFacts facts, String body) {
}
