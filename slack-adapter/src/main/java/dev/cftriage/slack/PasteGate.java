package dev.cftriage.slack;

import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * What stands between every message in a channel and the paste parser, for unprompted triage: cheap checks first
 * (a size cap; a run of three digits, without which no 5xx or 1xxx code can be found), then the parser, on at most
 * {@link #MAX_CONCURRENT} work threads at once so that a flood of hostile messages cannot take the threads commands
 * need; a message that finds none free is skipped. Thread-safe.
 */
final class PasteGate {
    /** Longer messages are not checked unprompted (Slack's own limit for a message's text is 40,000). */
    static final int MAX_CHARS = 50_000;
    /** Parser runs at once for unprompted checks. */
    static final int MAX_CONCURRENT = 2;

    private final Semaphore permits = new Semaphore(MAX_CONCURRENT);

    /**
     * True when the message describes an error by the parser, asked only if the cheap checks pass and a permit is
     * free.
     */
    boolean describesError(String text, Predicate<String> parser) {
        if (!mayDescribeError(text) || !permits.tryAcquire()) {
            return false;
        }
        try {
            return parser.test(text);
        } finally {
            permits.release();
        }
    }

    /** The cheap checks: within {@link #MAX_CHARS} and holding at least three digits in a row. Linear. */
    static boolean mayDescribeError(String text) {
        if (text.length() > MAX_CHARS) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }
}
