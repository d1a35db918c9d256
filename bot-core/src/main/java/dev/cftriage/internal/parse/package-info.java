/**
 * The paste parser: reads what a user pasted (an error page, response headers, {@code curl -v} output, a trace, a
 * JSON error, a host or URL) into a {@link dev.cftriage.internal.parse.ParsedPaste}, in bounded time and memory.
 */
package dev.cftriage.internal.parse;
