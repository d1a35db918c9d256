package dev.cftriage.internal.engine;

import dev.cftriage.internal.evidence.Deadline;
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
 * Runs probes side by side under one {@link Deadline} and turns each into a {@link ProbeResult}: it owns the timing,
 * the deadline and the verdict, so probes only do their work. A probe that throws becomes an {@code error} result
 * with the exception's message. At the deadline the runner stops waiting: a probe still running is cancelled and
 * its result is what it had seen so far ({@link ProbeContext#factsSoFar()}), or, when it reported nothing, an
 * {@code error} saying it was still running. Every result is told to the {@link ProbeObserver}. Thread-safe.
 */
final class ProbeRunner {
    private final ExecutorService executor;
    private final ProbeObserver observer;

    ProbeRunner(ExecutorService executor, ProbeObserver observer) {
        this.executor = executor;
        this.observer = observer;
    }

    /** Runs every probe in parallel; returns their results in the given order, by the deadline. */
    List<ProbeResult> runAll(List<Probe> probes, Deadline deadline) {
        List<Running> running = new ArrayList<>(probes.size());
        for (Probe probe : probes) {
            ProbeContext context = new ProbeContext(deadline);
            long start = deadline.ticker().read();
            observer.started(probe);
            running.add(new Running(probe, context, start, executor.submit(() -> runOne(probe, context, start))));
        }
        List<ProbeResult> results = new ArrayList<>(probes.size());
        for (Running run : running) {
            ProbeResult result = await(run);
            observer.finished(result);
            results.add(result);
        }
        return results;
    }

    private static ProbeResult runOne(Probe probe, ProbeContext context, long start) {
        Deadline deadline = context.deadline();
        try {
            ProbeFacts facts = probe.run(context);
            return new ProbeResult(probe.kind(), probe.target(), facts.verdict(), deadline.millisSince(start),
                    facts.summary(), facts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(probe.kind(), probe.target(), ProbeStatus.ERROR, deadline.millisSince(start),
                    "interrupted at the deadline", null);
        } catch (Exception | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ProbeResult(probe.kind(), probe.target(), ProbeStatus.ERROR, deadline.millisSince(start),
                    "the probe failed: " + message, null);
        }
    }

    private static ProbeResult await(Running run) {
        Deadline deadline = run.context.deadline();
        try {
            return run.future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            run.future.cancel(true);
            return cutAtDeadline(run);
        } catch (ExecutionException e) {
            return new ProbeResult(run.probe.kind(), run.probe.target(), ProbeStatus.ERROR, deadline.millisSince(run.start),
                    "the probe failed: " + e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.future.cancel(true);
            return new ProbeResult(run.probe.kind(), run.probe.target(), ProbeStatus.ERROR, 0, "interrupted", null);
        }
    }

    /** The result of a probe the deadline cut short: what it had seen so far, when it said. */
    private static ProbeResult cutAtDeadline(Running run) {
        long took = run.context.deadline().millisSince(run.start);
        ProbeFacts soFar = run.context.factsSoFar();
        if (soFar == null) {
            return new ProbeResult(run.probe.kind(), run.probe.target(), ProbeStatus.ERROR, took,
                    "still running when the triage's budget ran out", null);
        }
        return new ProbeResult(run.probe.kind(), run.probe.target(), soFar.verdict(), took, soFar.summary(), soFar);
    }

    /** One probe handed to a thread: its context, when it started on the deadline's ticker, and its future. */
    private record Running(Probe probe, ProbeContext context, long start, Future<ProbeResult> future) {
    }
}
