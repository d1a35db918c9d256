package dev.cftriage.http;

/** What the server does at one path. */
sealed interface Route {

    /**
     * POST: the body capped at {@code maxBodyBytes}, authenticated, then handled.
     */
    record Post(long maxBodyBytes, Authenticator authenticator, PostHandler handler) implements Route {
    }

    /** GET (and HEAD). */
    record Get(GetHandler handler) implements Route {
    }
}
