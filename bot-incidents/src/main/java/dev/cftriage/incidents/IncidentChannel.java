package dev.cftriage.incidents;

/**
 * The chat platform as incident mode uses it; Slack and Discord each implement it. Incident mode builds the texts
 * (plain text, one item per line); the implementation escapes them for its markup, never pings anyone, and posts.
 *
 * <p>Contract: called from incident mode's threads, one call at a time per incident. Each post is recorded before
 * it is handed over and handed over at most once, so a crash between the two loses that post rather than repeating
 * it; {@code key} is stable per post for platforms that can deduplicate (Discord's {@code nonce}). A call that
 * fails throws; it is logged and not retried.
 */
public interface IncidentChannel {

    /** Posts the text in the root message's thread (Slack: {@code thread_ts}; Discord: the message's thread). */
    void postInThread(RootMessage root, String key, String text);

    /** Updates the root message's status mark (e.g. a ✅ for recovered). */
    void updateRootStatus(RootMessage root, RootStatus status, String text);

    /** The link to the root message (Slack: {@code chat.getPermalink}; Discord: the message URL). */
    String permalink(RootMessage root);
}
