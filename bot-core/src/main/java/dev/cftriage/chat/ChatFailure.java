package dev.cftriage.chat;

import dev.cftriage.input.BadInputException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Why a chat request got no report, with the one line every platform shows the person who asked: the only place
 * that words the bot's failures. Lines are plain text; renderers escape them like any other text.
 *
 * @param kind what went wrong
 * @param line the one line for the user, never null
 */
public record ChatFailure(Kind kind, String line) {

    /** The user's line when the bot's own work queue is full. */
    static final String OVERLOADED = "cf-triage is too busy to take this now; try again in a minute.";
    /** The user's line when a triage outlives the wait limit. */
    static final String TIMED_OUT = "cf-triage gave up waiting for the probes; try again in a minute.";
    /** The user's line for a bug (the bot's log has the details). */
    static final String INTERNAL = "cf-triage failed on this one; the bot's log has the details.";
    /** The user's line when a button's report is no longer remembered and cannot be rebuilt. */
    static final String FORGOTTEN = "I no longer have this report; run the command again.";

    /** The user's line when the platform did not say where the request was made, so there is nowhere to answer. */
    static final String NOWHERE = "cf-triage cannot tell where this was asked, so it cannot answer there.";

    /** What went wrong. */
    public enum Kind {
        /** Every triage slot is taken, or the bot's own queue is full. */
        BUSY,
        /** The user or the channel asks faster than the limits allow. */
        RATE_LIMITED,
        /** The input cannot be triaged. */
        BAD_INPUT,
        /** The triage took longer than the wait limit. */
        TIMED_OUT,
        /** A button refers to a report the bot no longer has. */
        FORGOTTEN,
        /** A bug; logged by the session. */
        INTERNAL
    }

    /** The failure behind a failed triage, unwrapping {@link CompletionException} and {@link ExecutionException}. */
    static ChatFailure of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BusyException busy) {
            return new ChatFailure(Kind.BUSY, busy.getMessage());
        }
        if (cause instanceof BadInputException bad) {
            return new ChatFailure(Kind.BAD_INPUT, bad.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return new ChatFailure(Kind.TIMED_OUT, TIMED_OUT);
        }
        return new ChatFailure(Kind.INTERNAL, INTERNAL);
    }

    /** The failure of a request over the rate limits. */
    static ChatFailure of(Admission.Limited limited) {
        return new ChatFailure(Kind.RATE_LIMITED, limited.message());
    }

    /** The bot's own work queue is full: the request was dropped before it started. */
    public static ChatFailure overloaded() {
        return new ChatFailure(Kind.BUSY, OVERLOADED);
    }

    /** A button whose report is gone and cannot be rebuilt. */
    public static ChatFailure forgotten() {
        return new ChatFailure(Kind.FORGOTTEN, FORGOTTEN);
    }

    /** The platform did not say where the request was made (no channel), so the answer has nowhere to go. */
    public static ChatFailure nowhere() {
        return new ChatFailure(Kind.BAD_INPUT, NOWHERE);
    }

    /**
     * True when even a request nobody made explicitly (a paste the bot noticed) should hear of it: only when the
     * bot is busy, so that the person knows to ask again.
     */
    public boolean worthTellingUnprompted() {
        return kind == Kind.BUSY;
    }
}
