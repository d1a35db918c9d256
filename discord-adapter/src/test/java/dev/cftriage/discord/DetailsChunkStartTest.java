package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.TriageReport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A line longer than a Discord message (a hostile origin's Server header has no length limit) is cut inside the
 * line; the next message then starts with what stood in the middle of that line, which {@link DiscordMarkdown}
 * left unescaped there. It must not become a heading, a quote or a list in the new message.
 */
class DetailsChunkStartTest {

    @ParameterizedTest
    @ValueSource(strings = {"# ", "> ", "- ", "-# ", "+ "})
    void aMessageCutInsideALongServerLineDoesNotStartWithLiveMarkdown(String mark) {
        TriageReport report = SampleReports.hostile(mark.repeat(2_500));
        List<String> messages = EmbedRenderer.allCauses(report);
        List<String> details = EmbedRenderer.details(ReportView.of(report), FirstScreen.CHAT);
        assertTrue(messages.size() > 1 && details.size() > 1, "the long line is cut into several messages");
        for (List<String> sent : List.of(messages, details)) {
            for (String message : sent) {
                assertTrue(message.length() <= 2000, "message of " + message.length());
                for (String line : message.split("\n")) {
                    String start = line.stripLeading();
                    assertFalse(start.startsWith("#") || start.startsWith(">") || start.startsWith("-")
                            || start.startsWith("+"), "a line starts with live " + mark.strip() + ": "
                            + start.substring(0, Math.min(40, start.length())));
                }
            }
        }
    }
}
