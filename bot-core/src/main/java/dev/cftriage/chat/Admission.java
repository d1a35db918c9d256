package dev.cftriage.chat;

import java.time.Duration;

/** Whether a user's request may go ahead under the rate limits. */
public sealed interface Admission {

    /** The request may go ahead. */
    record Admitted() implements Admission {
    }

    /**
     * The request is over a limit.
     *
     * @param scope {@code user} or {@code channel}: which limit was hit
     * @param retryAfter when a new request will be admitted
     */
    record Limited(String scope, Duration retryAfter) implements Admission {

        /** A friendly one-line message for the person who asked. */
        public String message() {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            return ("user".equals(scope) ? "You are" : "This channel is")
                    + " asking for triages faster than cf-triage answers them; try again in " + seconds + " s.";
        }
    }
}
