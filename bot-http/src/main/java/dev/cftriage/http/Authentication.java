package dev.cftriage.http;

/** An authenticator's verdict on a request: accepted, or refused (401) with the reason for the log. */
public sealed interface Authentication {

    /** The request may go on. */
    record Accepted() implements Authentication {
    }

    /**
     * The request is answered 401; the reason goes to the log only.
     *
     * @param reason a short fixed phrase ("no signature", "stale timestamp" …), never text from the request
     */
    record Refused(String reason) implements Authentication {
    }

    static Authentication accepted() {
        return new Accepted();
    }

    static Authentication refused(String reason) {
        return new Refused(reason);
    }
}
