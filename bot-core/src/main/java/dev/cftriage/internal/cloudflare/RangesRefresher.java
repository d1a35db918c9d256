package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.internal.net.CidrSet;
import dev.cftriage.internal.net.CloudflareRanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Cloudflare's edge ranges current: fetches the API's public {@code /ips} list at start and then daily and
 * swaps it into the {@link CloudflareRanges} the address policy reads. Any failure (no answer, an error, a list
 * without IPv4 blocks, a block that does not parse) keeps the list in force, which is the built-in one until a
 * refresh succeeded. Thread-safe; {@link #close()} stops the schedule and the client.
 */
final class RangesRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RangesRefresher.class);
    /** How often the list is fetched again. */
    static final Duration EVERY = Duration.ofDays(1);

    private final CloudflareApi api;
    private final CloudflareRanges ranges;
    private final Duration timeout;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cf-triage-ranges");
        t.setDaemon(true);
        return t;
    });

    RangesRefresher(CloudflareApi api, CloudflareRanges ranges, Duration timeout) {
        this.api = api;
        this.ranges = ranges;
        this.timeout = timeout;
    }

    /** Refreshes now in the background, then every {@link #EVERY}. */
    void start() {
        schedule.scheduleAtFixedRate(this::refresh, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fetches the list once and puts it in force; false (the list in force kept) on any failure. */
    boolean refresh() {
        try {
            JsonNode result = api.ips().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            List<String> cidrs = new ArrayList<>();
            result.path("ipv4_cidrs").forEach(c -> cidrs.add(c.asText()));
            int v4 = cidrs.size();
            result.path("ipv6_cidrs").forEach(c -> cidrs.add(c.asText()));
            if (v4 == 0) {
                throw new CloudflareServiceException("the /ips answer lists no IPv4 range");
            }
            ranges.replace(CidrSet.parse(cidrs));
            LOG.info("Cloudflare edge ranges refreshed from the API: {} blocks", cidrs.size());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("Cloudflare edge ranges not refreshed, keeping the list in force: {}", cause.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        api.close();
    }
}
