package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.util.json.GsonFactory;
import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.ReportView;
import dev.cftriage.testing.Goldens;
import dev.cftriage.testing.TypicalReports;
import dev.cftriage.testing.TypicalReports.Typical;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slack's blocks for the typical reports, pinned by golden files ({@code golden/slack/}): the channel message leads
 * with the headline, then what to do first, within 800 characters; the details for the thread follow.
 */
class SlackGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"refused", "black-holed", "self-signed", "hidden-origin-changed-code", "nxdomain-1016",
            "healthy-origin-firewall"})
    void theChannelMessageOfATypicalReportLeadsWithTheVerdictThenTheNextStepWithin800Characters(String scenario)
            throws Exception {
        Typical typical = TypicalReports.make(scenario, dir);
        ReportView view = ReportView.of(typical.report());
        SlackMessage channel = BlockKitRenderer.channelMessage(view, ReportButtons.value(typical.report()));
        SlackMessage thread = BlockKitRenderer.details(view, null, FirstScreen.CHAT);

        assertEquals(view.headline(), assertInstanceOf(HeaderBlock.class, channel.blocks().get(0)).getText().getText());
        String next = assertInstanceOf(SectionBlock.class, channel.blocks().get(1)).getText().getText();
        assertTrue(next.startsWith("*Do this first:* "), next);
        assertTrue(BlockKitRendererTest.shownChars(channel) <= BlockKitRenderer.MAX_CHANNEL_CHARS,
                "shown " + BlockKitRendererTest.shownChars(channel));
        String all = blocks(channel) + blocks(thread);
        assertFalse(all.matches("(?s).*\\d+ ?%.*"), "no percentages that look calibrated");
        assertFalse(all.matches("(?s).*&lt;[a-z ]+&gt;.*"), "no unfilled placeholder");

        ObjectNode golden = JSON.createObjectNode();
        golden.set("channel", JSON.readTree(blocks(channel)));
        golden.set("thread", JSON.readTree(blocks(thread)));
        Goldens.assertMatches("slack/" + scenario + ".json",
                Goldens.stable(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(golden) + "\n",
                        typical.placeholders()));
    }

    private static String blocks(SlackMessage message) {
        return GsonFactory.createSnakeCase().toJson(message.blocks());
    }
}
