package dev.cftriage.chat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;

/** Caffeine's ticker read from a {@link Clock}, so that a test's clock decides when entries expire. */
record ClockTicker(Clock clock) implements Ticker {
    @Override
    public long read() {
        return clock.millis() * 1_000_000L;
    }
}
