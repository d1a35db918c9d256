package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import dev.cftriage.TriageRequest;
import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.ReportDiff;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.FuzzedReports;
import dev.cftriage.testing.PasteMutator;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/**
 * Fuzzed pastes and the reports the offline engine makes of them — also with hostile text planted where a probed
 * server's words go — through the embed renderer, with and without a re-run's lead line. Nothing may throw, every
 * embed is one Discord accepts, and every detail message fits in one message. {@code -Dfuzz.cases=N} runs more.
 */
class EmbedRendererFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 200);
    private static final long FIRST_SEED = Long.getLong("fuzz.seed", 7_001L);
    private static final Duration HANG_GUARD = Duration.ofSeconds(60).plusMillis(200L * CASES);
    private static final int MAX_MESSAGE = 2000;

    @Test
    void fuzzedReportsRenderAsValidEmbeds() {
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
        TriageReport report;
        try {
            report = reports.offline(TriageRequest.of(521, paste));
        } catch (BadInputException refused) {
            return;
        }
        TriageReport planted = FuzzedReports.withServerText(report, paste);
        String lead = EmbedRenderer.changesLead(ReportDiff.changes(report, planted));
        for (TriageReport r : List.of(report, planted)) {
            for (String l : new String[] {null, lead}) {
                valid(EmbedRenderer.render(r, l, FirstScreen.CHAT));
            }
            EmbedRenderer.details(ReportView.of(r), FirstScreen.CHAT).forEach(m -> assertTrue(m.length() <= MAX_MESSAGE, "detail of " + m.length()));
        }
    }

    private static void valid(EmbedRenderer.Rendered rendered) {
        MessageEmbed embed = rendered.embed();
        assertTrue(embed.isSendable(), "embed of " + embed.getLength() + " characters");
        assertTrue(embed.getFields().size() <= 25, embed.getFields().size() + " fields");
        rendered.details().forEach(m -> assertTrue(m.length() <= MAX_MESSAGE, "detail of " + m.length()));
    }
}
