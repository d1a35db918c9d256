package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.ReportView;
import dev.cftriage.testing.Goldens;
import dev.cftriage.testing.TypicalReports;
import dev.cftriage.testing.TypicalReports.Typical;
import java.nio.file.Path;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Discord's first embed for the typical reports, pinned by golden files ({@code golden/discord/}): the headline is
 * its title, "Do this first" its first field, and the whole embed stays within 1,500 characters.
 */
class DiscordGoldenTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"refused", "black-holed", "self-signed", "hidden-origin-changed-code", "nxdomain-1016",
            "healthy-origin-firewall"})
    void theFirstEmbedOfATypicalReportLeadsWithTheVerdictThenTheNextStepWithin1500Characters(String scenario) {
        Typical typical = TypicalReports.make(scenario, dir);
        ReportView view = ReportView.of(typical.report());
        EmbedRenderer.Rendered rendered = EmbedRenderer.render(typical.report(), null, FirstScreen.CHAT);
        MessageEmbed embed = rendered.embed();

        assertEquals(DiscordMarkdown.text(view.headline()), embed.getTitle());
        assertEquals("Do this first", embed.getFields().get(0).getName());
        assertTrue(embed.getLength() <= EmbedRenderer.MAX_FIRST_EMBED, "length " + embed.getLength());
        String all = embed.toData().toString() + String.join("\n", rendered.details());
        assertFalse(all.matches("(?s).*\\d+ ?%.*"), "no percentages that look calibrated");
        assertFalse(all.matches("(?s).*\\\\<[a-z ]+>.*"), "no unfilled placeholder");

        Goldens.assertMatches("discord/" + scenario + ".json",
                Goldens.stable(embed.toData().toPrettyString() + "\n", typical.placeholders()));
    }
}
