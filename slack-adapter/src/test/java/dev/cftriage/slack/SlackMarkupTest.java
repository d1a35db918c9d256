package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.input.BadInputException;
import dev.cftriage.report.Cause;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No text or block the bot sends carries live Slack markup that came from a user or a probed server: every
 * fallback text, notice, acknowledgement, response_url answer and mrkdwn block is checked as the fake Slack got it.
 */
class SlackMarkupTest {
    /** What a hostile user types, as Slack delivers its own markup. */
    private static final String HOSTILE = "<!channel> <!here> <@U123> <https://evil.example|click> <!subteam^S1>";
    /** Markup Slack would make live: special mentions, user, channel and group mentions, links. */
    private static final Pattern LIVE = Pattern.compile("<(?:[!@#]|[a-zA-Z][a-zA-Z0-9+.-]*:)[^<>]*>");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubBackend backend = new StubBackend();
    private RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.start(backend, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    @Test
    void commandWithMentionsAndLinksAndAReportFromAHostileServerSendsNoLiveMarkup() throws Exception {
        backend.outcome = CompletableFuture.completedFuture(SampleReports.refused("example.com",
                List.of(new Cause("origin-refused", "Server says " + HOSTILE, 0.9, true, List.of("Server: " + HOSTILE),
                        List.of("Ask " + HOSTILE)))));

        HttpResponse<String> ack = bot.requests().command("/cftriage", "521 " + HOSTILE, SlackRequests.CHANNEL, bot.slack().responseUrl("a"));
        HttpResponse<String> typed = bot.requests().command("/cftriage", "521 " + SlackText.escape(HOSTILE), SlackRequests.CHANNEL,
                bot.slack().responseUrl("b"));

        assertNoLiveMarkup(ack.body());
        assertNoLiveMarkup(typed.body());
        List<FakeSlack.Call> posts = bot.slack().await("/api/chat.postMessage", 4, WAIT);
        List<FakeSlack.Call> updates = bot.slack().await("/api/chat.update", 2, WAIT);
        assertEverySentTextIsInert(posts, updates);
        assertTrue(posts.stream().anyMatch(p -> p.get("text").contains("&lt;!channel&gt;")),
                "typed markup is shown escaped, not dropped");
        assertTrue(posts.stream().anyMatch(p -> p.get("text").contains("Server says &lt;!channel&gt;")),
                "the hostile server's text is in the report's fallback, escaped");
    }

    @Test
    void failuresNoticesAndResponseUrlAnswersSendNoLiveMarkup() throws Exception {
        backend.outcome = CompletableFuture.failedFuture(new BadInputException("'" + HOSTILE + "' is not a host name"));
        bot.slack().closedChannels.add("C0CLOSED01");

        bot.requests().command("/cf521", SlackText.escape(HOSTILE), SlackRequests.CHANNEL, bot.slack().responseUrl("open"));
        bot.requests().command("/cf521", HOSTILE, "C0CLOSED01", bot.slack().responseUrl("closed"));
        bot.requests().event("EvH1", SlackRequests.mention("1700000900.000001", "1700000900.000001", HOSTILE), Map.of());
        HttpResponse<String> help = bot.requests().command("/cftriage", "help", SlackRequests.CHANNEL, bot.slack().responseUrl("h"));

        List<FakeSlack.Call> updates = bot.slack().await("/api/chat.update", 1, WAIT);
        List<FakeSlack.Call> answers = bot.slack().await("/respond/closed", 1, WAIT);
        List<FakeSlack.Call> posts = bot.slack().await("/api/chat.postMessage", 3, WAIT);
        assertEverySentTextIsInert(updates, answers, posts);
        assertNoLiveMarkup(help.body());
        assertTrue(updates.get(0).get("text").contains("&lt;!channel&gt;"), updates.get(0).get("text"));
    }

    @SafeVarargs
    private static void assertEverySentTextIsInert(List<FakeSlack.Call>... calls) {
        for (List<FakeSlack.Call> list : calls) {
            for (FakeSlack.Call call : list) {
                if (call.get("body") != null) {
                    assertNoLiveMarkup(call.get("body"));
                } else {
                    assertFalse(LIVE.matcher(call.get("text")).find(), "text: " + call.get("text"));
                    assertNoLiveMarkup(call.get("blocks") == null ? "[]" : call.get("blocks"));
                }
            }
        }
    }

    /** Every mrkdwn or fallback text in the JSON is free of live markup (plain_text is never parsed by Slack). */
    private static void assertNoLiveMarkup(String json) {
        try {
            for (String text : texts(JSON.readTree(json.isEmpty() ? "{}" : json), new ArrayList<>())) {
                assertFalse(LIVE.matcher(text).find(), "live markup in: " + text);
            }
        } catch (java.io.IOException e) {
            assertEquals("", json, "not JSON: " + json);
        }
    }

    private static List<String> texts(JsonNode node, List<String> out) {
        if (node.isObject() && "plain_text".equals(node.path("type").asText())) {
            return out;
        }
        if (node.isObject() && node.path("text").isTextual()) {
            out.add(node.path("text").asText());
        }
        node.forEach(child -> texts(child, out));
        return out;
    }
}
