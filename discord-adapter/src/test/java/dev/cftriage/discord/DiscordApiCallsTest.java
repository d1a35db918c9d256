package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordApiCallsTest {

    @Test
    void aRouteKeepsItsFixedWordsAndHidesIdsAndInteractionTokens() {
        assertEquals("/webhooks/{id}/{id}/messages/@original", DiscordApiCalls.route(
                List.of("api", "v10", "webhooks", "1100000000000000002", "aW50ZXJhY3Rpb246c2VjcmV0", "messages", "@original")));
        assertEquals("/channels/{id}/messages", DiscordApiCalls.route(List.of("api", "v10", "channels", "42", "messages")));
        assertEquals("/users/@me", DiscordApiCalls.route(List.of("api", "v10", "users", "@me")));
    }

    @Test
    void aLongPathIsCutSoLabelsStayFew() {
        assertEquals("/{id}/{id}/{id}/{id}/{id}/{id}/{id}/{id}", DiscordApiCalls.route(List.of("a", "b", "c", "d", "e",
                "f", "g", "h", "i", "j")));
        assertEquals("/", DiscordApiCalls.route(List.of()));
    }
}
