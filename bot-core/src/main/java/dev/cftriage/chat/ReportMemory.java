package dev.cftriage.chat;

import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The memory behind a report's buttons: which request and report a button (or a thread) refers to, under a key the
 * {@link ChatSession} chooses. Kept behind this interface so that a durable store can replace the in-memory one.
 * Implementations are thread-safe, may forget entries (bounded size, age) and never throw for a missing key.
 */
public interface ReportMemory {

    /**
     * What is remembered under a key.
     *
     * @param request the request that produced the report (a re-run repeats it)
     * @param report the report shown
     */
    record Remembered(TriageRequest request, TriageReport report) {
        public Remembered {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(report, "report");
        }
    }

    /** Remembers {@code entry} under {@code key}, replacing what was there. */
    void put(String key, Remembered entry);

    /** What is remembered under {@code key}, or empty when it never was or has been forgotten. */
    Optional<Remembered> get(String key);

    /**
     * A memory in this process: at most {@code maxEntries} entries, each forgotten {@code keepFor} after it was last
     * put or read, as {@code clock} tells.
     */
    static ReportMemory inMemory(int maxEntries, Duration keepFor, Clock clock) {
        return new BoundedReportMemory(maxEntries, keepFor, clock);
    }
}
