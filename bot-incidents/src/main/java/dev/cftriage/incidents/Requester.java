package dev.cftriage.incidents;

/**
 * Who asked, as the timeline names them.
 *
 * @param user the platform's user name or id (shown in the timeline as given; the platform escapes it)
 * @param channel the channel the request came from
 */
public record Requester(String user, String channel) {

    public Requester {
        user = user == null || user.isBlank() ? "someone" : Texts.clip(user.strip(), 100);
        channel = channel == null || channel.isBlank() ? "unknown channel" : Texts.clip(channel.strip(), 100);
    }

    @Override
    public String toString() {
        return user + " in " + channel;
    }
}
