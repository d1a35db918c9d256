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
import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.Cause;
import dev.cftriage.report.ReportView;
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
    void detailsShowTheSslModeLineAndAllCausesShowWhoConfirmedEachCause() {
        TriageReport report = StrictModeReports.selfSignedUnderStrict(SampleReports.refused("example.com"));
        ReportView view = ReportView.of(report);

        String details = texts(BlockKitRenderer.details(view, null, FirstScreen.CHAT).blocks());
        String causes = texts(BlockKitRenderer.allCauses(view, report).blocks());

        assertTrue(details.contains("*SSL/TLS mode:* Full (strict) per the Cloudflare API; the evidence points to Full (strict);"
                + " works with the origin: Flexible, Full"), details);
        assertTrue(causes.contains("Confirmed, confirmed by live probes and the Cloudflare API"), causes);
        assertFalse(causes.contains("%"), "no percentages that look calibrated");
    }

    @Test
    void channelMessageIsTheHeadlineThenDoThisFirstThenTheThreeButtons() {
        ReportView view = ReportView.of(SampleReports.refused("example.com"));
        SlackMessage m = BlockKitRenderer.channelMessage(view, "v");

        assertEquals(view.headline(), ((HeaderBlock) m.blocks().get(0)).getText().getText());
        assertEquals("*Do this first:* Start the web server on 127.77.0.9:8080", sectionText(m, 1));
        ActionsBlock actions = (ActionsBlock) m.blocks().get(2);
        assertEquals(List.of(ReportButtons.RERUN, ReportButtons.CAUSES, ReportButtons.BUNDLE),
                actions.getElements().stream().map(e -> ((ButtonElement) e).getActionId()).toList());
        assertEquals(List.of("Re-run probes", "Show all causes", "Support bundle"),
                actions.getElements().stream().map(e -> ((ButtonElement) e).getText().getText()).toList());
    }

    @Test
    void detailsHoldWhyCandidatesProbesAndContextButNotTheFixStepsOfOtherCauses() {
        List<Cause> causes = List.of(SampleReports.cause("Nothing listens on the origin's port 8080", 0.9),
                new Cause("fw", "A firewall drops Cloudflare", 0.2, false, List.of(), List.of("open the firewall")));
        String all = texts(BlockKitRenderer.details(ReportView.of(SampleReports.refused("example.com", causes)), null,
                FirstScreen.CHAT).blocks());

        assertTrue(all.contains("*Why*\n• 127.77.0.9:8080 refused the connection"), all);
        assertTrue(all.contains("• _Possible:_ A firewall drops Cloudflare — a common cause of 523"), all);
        assertFalse(all.contains("open the firewall"), "a candidate's steps are shown on demand");
        assertTrue(all.contains("❌ origin-http") && all.contains("[ccc"), all);
        assertTrue(all.contains("Ray 8b2e5f3a1c9d4e7f-FRA (Frankfurt)"), all);
    }

    @Test
    void manyCandidatesAreCountedWithThePointerToShowAllCauses() {
        List<Cause> causes = IntStream.range(0, 60).mapToObj(i -> SampleReports.cause("cause " + i, 0.9 - i / 100.0)).toList();
        ReportView view = ReportView.of(SampleReports.refused("example.com", causes));

        String details = texts(BlockKitRenderer.details(view, null, FirstScreen.CHAT).blocks());
        SlackMessage all = BlockKitRenderer.allCauses(view, SampleReports.refused("example.com", causes));

        int hidden = 59 - FirstScreen.CHAT.candidates();
        assertTrue(details.contains("… and " + hidden + " more: press *Show all causes*"), details);
        assertTrue(all.blocks().size() <= BlockKitRenderer.MAX_BLOCKS);
        assertTrue(texts(all.blocks()).contains("… 11 more causes in the support bundle"), texts(all.blocks()));
    }

    @Test
    void longEvidenceTitlesAndFallbackStayWithinSlackLimits() {
        String longLine = "x".repeat(10_000);
        Cause huge = new Cause("c", "t".repeat(400), 0.5, true, List.of(longLine, longLine), List.of(longLine));
        TriageReport report = SampleReports.refused("example.com", List.of(huge));
        ReportView view = ReportView.of(report);
        SlackMessage first = BlockKitRenderer.channelMessage(view, "v");

        assertTrue(shownChars(first) <= BlockKitRenderer.MAX_CHANNEL_CHARS, "shown " + shownChars(first));
        List<LayoutBlock> blocks = new ArrayList<>(first.blocks());
        blocks.addAll(BlockKitRenderer.details(view, null, FirstScreen.CHAT).blocks());
        blocks.addAll(BlockKitRenderer.allCauses(view, report).blocks());
        for (LayoutBlock b : blocks) {
            if (b instanceof SectionBlock s) {
                assertTrue(s.getText().getText().length() <= BlockKitRenderer.MAX_SECTION_CHARS);
            } else if (b instanceof HeaderBlock h) {
                assertTrue(h.getText().getText().length() <= BlockKitRenderer.MAX_HEADER_CHARS);
                assertTrue(h.getText().getText().endsWith("…"));
            } else if (b instanceof ContextBlock c) {
                c.getElements().forEach(e -> assertTrue(((MarkdownTextObject) e).getText().length() <= BlockKitRenderer.MAX_CONTEXT_CHARS));
            }
        }
        assertTrue(first.text().length() <= SlackMessage.MAX_TEXT_CHARS);
    }

    @Test
    void longListOfChangesIsClippedToTheSectionLimit() {
        List<String> changes = IntStream.range(0, 200).mapToObj(i -> "origin-tcp 127.77.0." + i + ":8080: fail → ok").toList();

        SlackMessage m = BlockKitRenderer.details(ReportView.of(SampleReports.refused("example.com")), changes,
                FirstScreen.CHAT);

        String section = sectionText(m, 0);
        assertTrue(section.startsWith("*Re-run, what changed since the last run:*\n• origin-tcp 127.77.0.0:8080"), section);
        assertTrue(section.length() <= BlockKitRenderer.MAX_SECTION_CHARS && section.length() > 2900, "" + section.length());
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
        return sectionText(m, 0);
    }

    private static String sectionText(SlackMessage m, int index) {
        return ((SectionBlock) m.blocks().get(index)).getText().getText();
    }

    /** The characters a reader sees of a message: every text in its blocks and the buttons' words. */
    static int shownChars(SlackMessage m) {
        int n = texts(m.blocks()).replace("\n", "").length();
        for (LayoutBlock b : m.blocks()) {
            if (b instanceof ActionsBlock a) {
                n += a.getElements().stream().mapToInt(e -> ((ButtonElement) e).getText().getText().length()).sum();
            }
        }
        return n;
    }

    /** The characters a reader sees of a message's texts, one per line ({@link FakeSlack.Call#shown()}). */
    static int shownChars(String shown) {
        return shown.replace("\n", "").length();
    }

    @Test
    void everyMrkdwnTextIsVerbatimSoSlackLinksAndMentionsNothingItQuotes() {
        TriageReport report = StrictModeReports.selfSignedUnderStrict(SampleReports.refused("example.com"));
        ReportView view = ReportView.of(report);
        List<SlackMessage> messages = List.of(BlockKitRenderer.channelMessage(view, "key"),
                BlockKitRenderer.details(view, List.of("edge status: 521 → 200"), FirstScreen.CHAT),
                BlockKitRenderer.allCauses(view, report), BlockKitRenderer.notice("@channel look"),
                BlockKitRenderer.progress(521, "@here example.com"), BlockKitRenderer.bundle("@channel"));
        int checked = 0;
        for (SlackMessage m : messages) {
            for (LayoutBlock b : m.blocks()) {
                List<Object> texts = new ArrayList<>();
                if (b instanceof SectionBlock sec) {
                    texts.add(sec.getText());
                } else if (b instanceof ContextBlock c) {
                    texts.addAll(c.getElements());
                }
                for (Object t : texts) {
                    if (t instanceof MarkdownTextObject md) {
                        assertTrue(Boolean.TRUE.equals(md.getVerbatim()), "not verbatim: " + md.getText());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 5, "mrkdwn texts checked: " + checked);
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
