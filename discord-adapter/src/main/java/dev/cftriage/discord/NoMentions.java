package dev.cftriage.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * Makes a message request ping no one: {@code allowed_mentions} with nothing allowed and no ping for the author of
 * a replied-to message. Reports quote pastes and probed servers, so every send and every edit goes through here
 * (an edit carries {@code allowed_mentions} only when it is set on the edit itself). Stateless and thread-safe.
 */
final class NoMentions {
    private NoMentions() {
    }

    /** The request, set to mention no user, role, channel, {@code @everyone} or {@code @here}. */
    static <R extends MessageRequest<R>> R of(R request) {
        return request.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).mentionRepliedUser(false);
    }

    /** Makes requests that do not go through {@link #of} (JDA's own) mention no one either: JVM-wide defaults. */
    static void byDefault() {
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
    }
}
