package dev.cftriage.internal.engine;

import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs probes side by side under one deadline and turns each into a {@link ProbeResult}: it owns the timing, the
 * deadline and the verdict, so probes only do their work. A probe that throws becomes an {@code error} result with
 * the exception's message; one still running shortly after the deadline is cancelled and reported as such.
 * Thread-safe.
 */
final class ProbeRunner {
    /** How long past the deadline a probe may take to hand in its facts before it is cancelled. */
    static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(40);

    private final ExecutorService executor;

    ProbeRunner(ExecutorService executor) {
        this.executor = executor;
    }

    /** Runs every probe in parallel; returns their results in the given order, by the deadline plus a short grace. */
    List<ProbeResult> runAll(List<Probe> probes, long deadlineNanos) {
        ProbeContext context = new ProbeContext(deadlineNanos);
        List<Future<ProbeResult>> futures = new ArrayList<>(probes.size());
        for (Probe probe : probes) {
            futures.add(executor.submit(() -> runOne(probe, context)));
        }
        List<ProbeResult> results = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            results.add(await(probes.get(i), futures.get(i), deadlineNanos));
        }
        return results;
    }

    private static ProbeResult runOne(Probe probe, ProbeContext context) {
        long start = System.nanoTime();
        try {
            ProbeFacts facts = probe.run(context);
            return new ProbeResult(probe.kind(), probe.target(), facts.verdict(), millisSince(start), facts.summary(), facts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(probe.kind(), probe.target(), ProbeStatus.ERROR, millisSince(start),
                    "interrupted at the deadline", null);
        } catch (Exception | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ProbeResult(probe.kind(), probe.target(), ProbeStatus.ERROR, millisSince(start),
                    "the probe failed: " + message, null);
        }
    }

    private static ProbeResult await(Probe probe, Future<ProbeResult> future, long deadlineNanos) {
        long waitNanos = Math.max(0, deadlineNanos + GRACE_NANOS - System.nanoTime());
        try {
            return future.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            future.cancel(true);
            return new ProbeResult(probe.kind(), probe.target(), ProbeStatus.ERROR, 0,
                    "still running when the triage's budget ran out", null);
        } catch (ExecutionException e) {
            return new ProbeResult(probe.kind(), probe.target(), ProbeStatus.ERROR, 0,
                    "the probe failed: " + e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new ProbeResult(probe.kind(), probe.target(), ProbeStatus.ERROR, 0, "interrupted", null);
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
