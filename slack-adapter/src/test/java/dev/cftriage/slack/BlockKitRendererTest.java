package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.Cause;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.StrictModeReports;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Block Kit renderer keeps every message inside Slack's limits and says what it left out. */
class BlockKitRendererTest {

    @Test
    void reportShowsTheSslModeLineAndWhoConfirmedEachCause() {
        TriageReport report = StrictModeReports.selfSignedUnderStrict(SampleReports.refused("example.com"));

        String all = texts(BlockKitRenderer.report(report, null, SampleReports.STARTED).blocks());

        assertTrue(all.contains("*SSL/TLS mode:* Full (strict) per the Cloudflare API; the evidence points to Full (strict);"
                + " works with the origin: Flexible, Full"), all);
        assertTrue(all.contains("98%, confirmed by live probes and the Cloudflare API"), all);
    }

    @Test
    void reportShowsHeaderCausesProbesAgeAndButtons() {
        SlackMessage m = BlockKitRenderer.report(SampleReports.refused("example.com"), null,
                SampleReports.STARTED.plusSeconds(37));

        assertEquals("523 Origin is unreachable — example.com: Nothing listens on the origin's port 8080",
                ((HeaderBlock) m.blocks().get(0)).getText().getText());
        String all = texts(m.blocks());
        assertTrue(all.contains("*1. Nothing listens on the origin's port 8080* — 90%, confirmed by live probes"), all);
        assertTrue(all.contains("1. Start the web server on 127.77.0.9:8080"), all);
        assertTrue(all.contains("origin-http") && all.contains("connect 3"), all);
        assertTrue(all.contains("Ray 8b2e5f3a1c9d4e7f-FRA (Frankfurt)"), all);
        assertTrue(all.contains("Took 1.2 s · evidence 42 s old (shared with a recent run)"), all);
        ActionsBlock actions = (ActionsBlock) m.blocks().get(m.blocks().size() - 1);
        assertEquals(List.of(ReportButtons.RERUN, ReportButtons.BUNDLE),
                actions.getElements().stream().map(e -> ((ButtonElement) e).getActionId()).toList());
    }

    @Test
    void manyCausesAreCutWithAPointerToTheRest() {
        List<Cause> causes = IntStream.range(0, 60).mapToObj(i -> SampleReports.cause("cause " + i, 0.9 - i / 100.0)).toList();
        SlackMessage m = BlockKitRenderer.report(SampleReports.refused("example.com", causes), null, SampleReports.STARTED);

        assertTrue(m.blocks().size() <= BlockKitRenderer.MAX_BLOCKS);
        String all = texts(m.blocks());
        int hidden = 60 - BlockKitRenderer.MAX_CAUSES;
        assertTrue(all.contains("… " + hidden + " more causes: use Support bundle or re-run with --json"), all);
        assertTrue(all.contains("cause " + (BlockKitRenderer.MAX_CAUSES - 1)) && !all.contains("cause " + BlockKitRenderer.MAX_CAUSES + "*"), all);
    }

    @Test
    void longEvidenceTitlesAndFallbackStayWithinSlackLimits() {
        String longLine = "x".repeat(10_000);
        Cause huge = new Cause("c", "t".repeat(400), 0.5, true, List.of(longLine, longLine), List.of(longLine));
        SlackMessage m = BlockKitRenderer.report(SampleReports.refused("example.com", List.of(huge)), null, SampleReports.STARTED);

        for (LayoutBlock b : m.blocks()) {
            if (b instanceof SectionBlock s) {
                assertTrue(s.getText().getText().length() <= BlockKitRenderer.MAX_SECTION_CHARS);
            } else if (b instanceof HeaderBlock h) {
                assertTrue(h.getText().getText().length() <= BlockKitRenderer.MAX_HEADER_CHARS);
                assertTrue(h.getText().getText().endsWith("…"));
            } else if (b instanceof ContextBlock c) {
                c.getElements().forEach(e -> assertTrue(((MarkdownTextObject) e).getText().length() <= BlockKitRenderer.MAX_CONTEXT_CHARS));
            }
        }
        assertTrue(m.text().length() <= SlackMessage.MAX_TEXT_CHARS);
    }

    @Test
    void longListOfChangesIsClippedToTheSectionLimit() {
        List<String> changes = IntStream.range(0, 200).mapToObj(i -> "origin-tcp 127.77.0." + i + ":8080: fail → ok").toList();

        SlackMessage m = BlockKitRenderer.report(SampleReports.refused("example.com"), changes, SampleReports.STARTED);

        String section = ((SectionBlock) m.blocks().get(1)).getText().getText();
        assertTrue(section.startsWith("*Re-run, what changed since the last run:*\n• origin-tcp 127.77.0.0:8080"), section);
        assertEquals(BlockKitRenderer.MAX_SECTION_CHARS, section.length());
        assertTrue(section.endsWith("…"));
    }

    @Test
    void buttonValueStaysUnderTheLimitAndCarriesTheRequest() {
        TriageReport report = SampleReports.refused("example.com");
        assertEquals(new TriageRequest("https://example.com/ 8b2e5f3a1c9d4e7f-FRA", 523, List.of("127.77.0.9")),
                ReportButtons.request(ReportButtons.value(report)));

        List<String> origins = new ArrayList<>();
        IntStream.range(0, 500).forEach(i -> origins.add("origin-" + i + ".example.net"));
        var in = report.input();
        var many = new dev.cftriage.report.InputSummary(in.code(), in.errorCode(), in.rayId(), in.colo(), in.coloCity(),
                in.host(), in.url(), in.time(), in.visitorIp(), in.generator(), in.format(), origins, false, List.of());
        TriageReport big = new TriageReport(many, report.code(), report.edge(), report.probes(), report.causes(),
                report.steps(), true, report.notes(), report.startedAt(), report.evidenceAt(), report.elapsedMs());
        String value = ReportButtons.value(big);
        assertTrue(value.length() <= ReportButtons.MAX_VALUE_CHARS, "length " + value.length());
        assertEquals(523, ReportButtons.request(value).code());
    }

    @Test
    void hugeSupportBundleIsSplitIntoSectionsAndCutWithAPointer() {
        SlackMessage m = BlockKitRenderer.bundle("line\n".repeat(100_000));

        assertTrue(m.blocks().size() <= BlockKitRenderer.MAX_BLOCKS);
        assertTrue(texts(m.blocks()).contains("cut at Slack's message size"));
        assertTrue(m.text().length() <= SlackMessage.MAX_TEXT_CHARS);
    }

    @Test
    void supportBundleIsEscapedAndEachSectionStaysWithinTheLimitWithoutCuttingAnEntity() {
        String bundle = "Check the origin's logs for <a Cloudflare IP from your origin's logs> & co\n".repeat(300);

        SlackMessage m = BlockKitRenderer.bundle(bundle);

        StringBuilder shown = new StringBuilder();
        for (LayoutBlock b : m.blocks().subList(1, m.blocks().size())) {
            String text = ((SectionBlock) b).getText().getText();
            assertTrue(text.length() <= BlockKitRenderer.MAX_SECTION_CHARS, "length " + text.length());
            String inner = text.substring(3, text.length() - 3);
            assertFalse(Pattern.compile("[<>]|&(?!amp;|lt;|gt;)").matcher(inner).find(), inner);
            shown.append(inner);
        }
        assertTrue(m.blocks().size() > 2, "the bundle needed several sections");
        assertEquals(SlackText.escape(bundle), shown.toString());
    }

    @Test
    void mrkdwnControlCharactersInUserTextAreEscaped() {
        SlackMessage m = BlockKitRenderer.progress(522, "a.example <@U123> & <!channel>");
        assertEquals("Triaging 522 for a.example &lt;@U123&gt; &amp; &lt;!channel&gt;…", m.text());
        SlackMessage n = BlockKitRenderer.notice("bad input: <script> & co");
        assertEquals("bad input: &lt;script&gt; &amp; co", ((MarkdownTextObject) ((SectionBlock) n.blocks().get(0)).getText()).getText());
    }

    @Test
    void commandRootNamesAPastedPageByItsFirstLineEscapedAndWithinTheSectionLimit() throws Exception {
        String html; // bot-core's fixture, from its test jar
        try (InputStream in = getClass().getResourceAsStream("/pastes/523-page.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        SlackMessage paged = BlockKitRenderer.progress(null, html);
        SlackMessage minified = BlockKitRenderer.progress(523, html.replace("\n", " "));

        assertEquals("Triaging for &lt;!DOCTYPE html&gt;…", paged.text(), "the fallback text is escaped like the blocks");
        assertEquals(":mag: Triaging for &lt;!DOCTYPE html&gt;…", sectionText(paged));
        assertTrue(SlackText.plain(minified.text()).length() <= "Triaging 523 for …".length() + BlockKitRenderer.MAX_TARGET_CHARS,
                minified.text());
        assertTrue(sectionText(minified).length() <= BlockKitRenderer.MAX_SECTION_CHARS);
        assertTrue(sectionText(minified).startsWith(":mag: Triaging 523 for &lt;!DOCTYPE html&gt;"), sectionText(minified));
    }

    private static String sectionText(SlackMessage m) {
        return ((SectionBlock) m.blocks().get(0)).getText().getText();
    }

    private static String texts(List<LayoutBlock> blocks) {
        StringBuilder s = new StringBuilder();
        for (LayoutBlock b : blocks) {
            if (b instanceof SectionBlock sec) {
                s.append(sec.getText().getText()).append('\n');
            } else if (b instanceof ContextBlock c) {
                c.getElements().forEach(e -> s.append(((MarkdownTextObject) e).getText()).append('\n'));
            } else if (b instanceof HeaderBlock h) {
                s.append(h.getText().getText()).append('\n');
            }
        }
        return s.toString();
    }
}
