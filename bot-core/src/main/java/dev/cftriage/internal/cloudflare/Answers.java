package dev.cftriage.internal.cloudflare;

import dev.cftriage.internal.evidence.ProbeContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a service's answer within a probe's budget. The future is not cancelled on timeout: it may be a cached
 * call other triages share, and its own call timeout ends it.
 */
final class Answers {
    private Answers() {
    }

    /**
     * The answer, by the context's deadline.
     *
     * @throws CloudflareServiceException when the call failed or did not answer in time
     * @throws InterruptedException when the probe is cancelled
     */
    static <T> T await(CompletableFuture<T> answer, ProbeContext context, String what) throws InterruptedException {
        int wait = context.usableMillis();
        try {
            return answer.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CloudflareServiceException(what + " gave no answer within the triage's budget (" + wait + " ms)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CloudflareServiceException service) {
                throw service;
            }
            throw new CloudflareServiceException(what + " failed: " + cause.getMessage());
        }
    }
}
