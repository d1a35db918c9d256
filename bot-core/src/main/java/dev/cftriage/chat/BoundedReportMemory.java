package dev.cftriage.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link ReportMemory} in this process: a bounded cache whose entries expire a while after their last use. Evictions
 * run on the calling thread, so what a call sees does not depend on a background pool. Thread-safe.
 */
final class BoundedReportMemory implements ReportMemory {
    private final Cache<String, Remembered> entries;

    BoundedReportMemory(int maxEntries, Duration keepFor, Clock clock) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(keepFor)
                .ticker(new ClockTicker(clock)).executor(Runnable::run).build();
    }

    @Override
    public void put(String key, Remembered entry) {
        entries.put(key, entry);
    }

    @Override
    public Optional<Remembered> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key));
    }
}
