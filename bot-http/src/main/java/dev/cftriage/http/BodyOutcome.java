package dev.cftriage.http;

/** How reading one request body ended. */
sealed interface BodyOutcome {

    /** The whole body, within the cap. */
    record Complete(byte[] body) implements BodyOutcome {
    }

    /** The body passed the route's cap; reading stopped there. */
    record TooLarge(long read) implements BodyOutcome {
    }

    /** The body came slower than the minimum rate, or not within its deadline. */
    record TooSlow(long read) implements BodyOutcome {
    }

    /** Bodies being read at once already fill the server's budget. */
    record Busy(long read) implements BodyOutcome {
    }

    /** The connection failed (closed, idle too long) before the body was in. */
    record Failed(long read) implements BodyOutcome {
    }
}
