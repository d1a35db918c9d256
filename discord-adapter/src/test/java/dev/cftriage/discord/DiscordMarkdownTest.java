package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordMarkdownTest {
    static final String HOSTILE = "[click](https://evil.example) `x` **bold** ||spoiler|| @everyone @here <@123456> ~~s~~ __u__"
            + " https://bare.example";

    @Test
    void hostileTextIsShownAsWrittenWithNothingLive() {
        String escaped = DiscordMarkdown.text(HOSTILE);
        assertEquals(List.of(), RenderedMarkdown.problems(escaped));
        assertEquals(HOSTILE, RenderedMarkdown.shown(escaped));
    }

    @Test
    void lineStartsCannotBecomeHeadingsQuotesOrLists() {
        String text = "# big\n> quoted\n  -# small\n- item\n+ item\n12. item\nplain # and > and - stay";
        String escaped = DiscordMarkdown.text(text);
        assertEquals("\\# big\n\\> quoted\n  \\-# small\n\\- item\n\\+ item\n12\\. item\nplain # and > and - stay", escaped);
        assertEquals(text, RenderedMarkdown.shown(escaped));
    }

    @Test
    void aTrailingBackslashCannotEscapeTheMarkupAfterIt() {
        String bold = "**" + DiscordMarkdown.text("evil\\") + "**";
        assertEquals("**evil\\\\**", bold, "the backslash is itself escaped, so the closing ** stays markup");
    }

    @Test
    void codeSpanReplacesBackticksInsteadOfEscaping() {
        String span = DiscordMarkdown.code("a`b``c\nd");
        assertEquals("`aˋbˋˋc d`", span);
        assertEquals(List.of(), RenderedMarkdown.problems("text " + span + " more"));
        assertEquals("` `", DiscordMarkdown.code(""), "an empty span would show its backticks");
    }

    @Test
    void aPairOfBackticksStaysACodeSpanAndALoneOneIsEscaped() {
        String command = "run `openssl s_client -connect [x](y):443` now";
        assertEquals(command, DiscordMarkdown.text(command), "the catalog quotes commands in code spans; nothing inside renders");
        assertEquals("a \\`b", DiscordMarkdown.text("a `b"));
        assertEquals("\\`\\`", DiscordMarkdown.text("``"), "an empty span would show its backticks");
        assertEquals("`a` \\`b\n\\`c", DiscordMarkdown.text("`a` `b\n`c"), "a span never crosses a line");
        for (String text : List.of("a `b", "``", "`a` `b\n`c", "x ``` y", HOSTILE + "`")) {
            assertEquals(List.of(), RenderedMarkdown.problems(DiscordMarkdown.text(text)), text);
        }
    }

    @Test
    void aUrlIsShownButNotMadeClickable() {
        assertEquals("see https\\://evil.example/login and 203.0.113.7:443",
                DiscordMarkdown.text("see https://evil.example/login and 203.0.113.7:443"));
    }

    @Test
    void nullIsEmptyText() {
        assertEquals("", DiscordMarkdown.text(null));
    }

    @Test
    void ordinaryReportWordsAreLeftAlone() {
        for (String line : List.of("origin-tcp 203.0.113.7:443: fail → ok (waited 4000 ms); example.com's A record",
                "127.0.0.1:8443 refused the connection", "2026-11-20 10:15:30 UTC")) {
            assertEquals(line, DiscordMarkdown.text(line));
            assertTrue(RenderedMarkdown.problems(line).isEmpty());
        }
    }
}
