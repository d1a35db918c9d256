package dev.cftriage.http;

import java.time.Duration;

/**
 * The limits a {@link BotHttpServer} holds every client to. A client that breaks one is answered (408, 413, 503) or
 * disconnected; it never holds a worker thread while it sends: bodies are read without blocking.
 * The minimum body rate is enforced by the server's own reader ({@code BodyReader}): Jetty 12.1's core server does
 * not enforce {@code HttpConfiguration.setMinRequestDataRate} (only its servlet layers read it), and its
 * {@code MinimumDataRateHandler} divides the bytes of all requests by one request's time.
 *
 * @param maxThreads worker threads (handlers run on them)
 * @param maxConnections open connections; past it new ones wait in the accept backlog. Each connection has at most
 *     one job waiting for a worker, so this bounds the workers' queue too
 * @param idleTimeout how long a connection may send nothing (before, within or after a request) before it is closed
 * @param minBodyBytesPerSecond the slowest average rate a body may arrive at, checked after {@code bodyGrace}
 * @param bodyGrace how long a body may take before its rate is checked
 * @param maxBufferedBodyBytes the bytes of all bodies being read at once; past it requests get 503
 * @param maxHeaderBytes the request line and headers together
 */
public record HttpLimits(int maxThreads, int maxConnections, Duration idleTimeout, long minBodyBytesPerSecond,
                         Duration bodyGrace, long maxBufferedBodyBytes, int maxHeaderBytes) {

    public HttpLimits {
        if (maxThreads < 4 || maxConnections < 1 || idleTimeout.isNegative() || idleTimeout.isZero()
                || minBodyBytesPerSecond < 1 || bodyGrace.isNegative() || maxBufferedBodyBytes < 1 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("HTTP limits out of range");
        }
    }

    /**
     * Limits for webhooks of a few KB: 16 threads, 2,000 connections, 10 s idle, 16 KB/s after a 2 s grace, 32 MB of
     * bodies in memory, 8 KB of headers.
     */
    public static HttpLimits defaults() {
        return new HttpLimits(16, 2_000, Duration.ofSeconds(10), 16 * 1024, Duration.ofSeconds(2), 32L << 20, 8 * 1024);
    }

    /** The longest any body up to {@code maxBodyBytes} may take: the grace plus the body at the minimum rate. */
    Duration bodyDeadline(long maxBodyBytes) {
        return bodyGrace.plusMillis(maxBodyBytes * 1000 / minBodyBytesPerSecond);
    }
}
