package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.cftriage.input.BadInputException;
import dev.cftriage.TriageRequest;
import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.ReportDiff;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.SupportBundle;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.FuzzedReports;
import dev.cftriage.testing.PasteMutator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzed pastes and the reports the offline engine makes of them — also with hostile text planted where a probed
 * server's words go — through every Block Kit message the bot sends: report, progress, verdict, support bundle,
 * and the notice for a paste the engine refuses. Nothing may throw, and every message stays within Slack's limits. {@code -Dfuzz.cases=N} runs more.
 */
class BlockKitRendererFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 200);
    private static final long FIRST_SEED = Long.getLong("fuzz.seed", 9_001L);
    private static final Duration HANG_GUARD = Duration.ofSeconds(60).plusMillis(200L * CASES);

    @Test
    void fuzzedReportsAndPastesRenderWithinSlacksLimits() {
        PasteMutator mutator = PasteMutator.overCorpus();
        try (FuzzedReports reports = new FuzzedReports()) {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                for (int i = 0; i < CASES; i++) {
                    long seed = FIRST_SEED + i;
                    String paste = mutator.mutate(seed);
                    try {
                        renderAll(paste, reports);
                    } catch (RuntimeException e) {
                        throw new AssertionError("case " + seed + " (" + paste.length() + " chars) threw " + e, e);
                    }
                }
            });
        }
    }

    private static void renderAll(String paste, FuzzedReports reports) {
        withinLimits(BlockKitRenderer.progress(523, paste));
        TriageReport report;
        try {
            report = reports.offline(TriageRequest.of(paste));
        } catch (BadInputException refused) {
            withinLimits(BlockKitRenderer.notice(refused.getMessage()));
            return;
        }
        TriageReport planted = FuzzedReports.withServerText(report, paste);
        for (TriageReport r : List.of(report, planted)) {
            ReportView view = ReportView.of(r);
            List<String> changes = ReportDiff.changes(report, planted);
            withinLimits(BlockKitRenderer.channelMessage(view, "key"));
            withinLimits(BlockKitRenderer.inThread(view, changes, FirstScreen.CHAT, "key"));
            withinLimits(BlockKitRenderer.details(view, changes, FirstScreen.CHAT));
            withinLimits(BlockKitRenderer.allCauses(view, r));
            withinLimits(BlockKitRenderer.bundle(SupportBundle.text(r)));
        }
    }

    private static void withinLimits(SlackMessage message) {
        assertTrue(message.text().length() <= SlackMessage.MAX_TEXT_CHARS, "text of " + message.text().length());
        assertTrue(message.blocks().size() <= BlockKitRenderer.MAX_BLOCKS, message.blocks().size() + " blocks");
        for (LayoutBlock block : message.blocks()) {
            if (block instanceof SectionBlock section) {
                assertTrue(section.getText().getText().length() <= BlockKitRenderer.MAX_SECTION_CHARS, "section too long");
            } else if (block instanceof HeaderBlock header) {
                assertTrue(header.getText().getText().length() <= BlockKitRenderer.MAX_HEADER_CHARS, "header too long");
            } else if (block instanceof ContextBlock context) {
                context.getElements().stream().filter(MarkdownTextObject.class::isInstance)
                        .map(e -> ((MarkdownTextObject) e).getText())
                        .forEach(t -> assertTrue(t.length() <= BlockKitRenderer.MAX_CONTEXT_CHARS, "context too long"));
            }
        }
    }
}
