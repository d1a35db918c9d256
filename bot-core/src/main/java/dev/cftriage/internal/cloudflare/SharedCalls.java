package dev.cftriage.internal.cloudflare;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Answers of a remote service shared between the callers asking the same question at once and reused for a while;
 * a failed call is not kept, so the next caller asks again. The cache holds each call's outcome, success or failure,
 * as a value, so Caffeine never sees a failed future (it would log each one, with a stack trace, through
 * {@code System.Logger}); callers get the failure as their future's exception. Thread-safe.
 *
 * @param <V> the answer's type
 */
final class SharedCalls<V> {
    /** One call's outcome: the answer, or why there is none. */
    private record Outcome<V>(V answer, Throwable failure) {
    }

    private final AsyncCache<String, Outcome<V>> outcomes;

    SharedCalls(Duration keepFor, long maximumSize) {
        this.outcomes = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(maximumSize).buildAsync();
    }

    /** The answer to {@code key}: shared with a call in flight or kept from a recent one, else from {@code call}. */
    CompletableFuture<V> get(String key, Supplier<CompletableFuture<V>> call) {
        CompletableFuture<Outcome<V>> shared = outcomes.get(key, (k, executor) -> started(call)
                .handle((answer, failure) -> new Outcome<>(answer, unwrapped(failure))));
        return shared.thenCompose(outcome -> {
            if (outcome.failure() == null) {
                return CompletableFuture.completedFuture(outcome.answer());
            }
            outcomes.asMap().remove(key, shared);
            return CompletableFuture.failedFuture(outcome.failure());
        });
    }

    private static <V> CompletableFuture<V> started(Supplier<CompletableFuture<V>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
