package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.Cause;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.Steps;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.StrictModeReports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class EmbedRendererTest {

    @Test
    void sureVerifiedCauseIsRed() {
        assertEquals(EmbedRenderer.Severity.RED, EmbedRenderer.severity(SampleReports.report(0.9, true, 523)));
    }

    @Test
    void unsureVerifiedCauseIsOrange() {
        assertEquals(EmbedRenderer.Severity.ORANGE, EmbedRenderer.severity(SampleReports.report(0.5, true, 523)));
    }

    @Test
    void edgeAnsweringFineIsGreen() {
        assertEquals(EmbedRenderer.Severity.GREEN, EmbedRenderer.severity(SampleReports.report(0.9, true, 200)));
    }

    @Test
    void reportWithoutProbesIsGrey() {
        assertEquals(EmbedRenderer.Severity.GREY, EmbedRenderer.severity(SampleReports.report(0.9, false, null)));
    }

    @Test
    void theFirstEmbedIsTheHeadlineThenDoThisFirstWhyAndNotChecked() {
        TriageReport report = SampleReports.report(0.9, true, 523);
        EmbedRenderer.Rendered rendered = EmbedRenderer.render(report, null, FirstScreen.CHAT);
        MessageEmbed embed = rendered.embed();
        assertAll(
                () -> assertEquals(ReportView.of(report).headline(), embed.getTitle()),
                () -> assertEquals(0xD93F3F, embed.getColorRaw()),
                () -> assertEquals(List.of("Do this first", "Why"),
                        embed.getFields().stream().map(MessageEmbed.Field::getName).toList().subList(0, 2)),
                () -> assertTrue(embed.getFields().get(0).getValue().startsWith("Check the A record of example.com"),
                        embed.getFields().get(0).getValue()),
                () -> assertTrue(embed.getFooter().getText().startsWith("Ray 8f3a1b2c3d4e5f60-FRA (Frankfurt) · edge now 523"),
                        embed.getFooter().getText()),
                () -> assertTrue(embed.getLength() <= EmbedRenderer.MAX_FIRST_EMBED),
                () -> assertFalse(embed.getTitle().contains("%"), "no percentages up front"));
        String details = String.join("\n", rendered.details());
        assertTrue(details.contains("**What the site owner can do**\n1. Check DNS"), details);
        assertTrue(details.contains("`[cctttttttwwwwwwwwwwx]"), "the probe's phase bar: " + details);
    }

    @Test
    void allCausesShowTheSslModeInTheDetailsAndWhoConfirmedEachCause() {
        TriageReport report = StrictModeReports.selfSignedUnderStrict(SampleReports.report(0.9, true, 526));

        String details = String.join("\n", EmbedRenderer.render(report, null, FirstScreen.CHAT).details());
        String causes = String.join("\n", EmbedRenderer.allCauses(report));

        assertTrue(causes.contains("Confirmed, confirmed by live probes and the Cloudflare API"), causes);
        assertTrue(details.contains("**SSL/TLS mode**\nFull (strict) per the Cloudflare API; the evidence points to Full"
                + " (strict); works with the origin: Flexible, Full"), details);
    }

    @Test
    void reRunLeadSaysWhatChanged() {
        MessageEmbed embed = EmbedRenderer.render(SampleReports.report(0.9, true, 523),
                EmbedRenderer.changesLead(List.of("origin-http 203.0.113.7:443: fail → ok")), FirstScreen.CHAT).embed();
        assertTrue(embed.getDescription().startsWith("**Re-ran the probes; what changed:**\n• origin-http"));
        assertEquals("**Re-ran the probes:** nothing changed.", EmbedRenderer.changesLead(List.of()));
    }

    @Test
    void hugeReportKeepsTheFirstEmbedWithinItsBudgetAndEveryDetailWithinDiscordsLimits() {
        String longLine = "x".repeat(3000);
        List<Cause> causes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            causes.add(new Cause("c" + i, "Cause " + i + " " + "y".repeat(400), 0.9 - i / 100.0, true,
                    Collections.nCopies(30, "evidence " + longLine), Collections.nCopies(30, "fix " + longLine)));
        }
        List<ProbeResult> probes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            probes.add(SampleReports.httpProbe(ProbeStatus.FAIL));
        }
        TriageReport base = SampleReports.report(0.9, true, 523);
        TriageReport huge = new TriageReport(base.input(), base.code(), base.edge(), probes, causes,
                new Steps(List.of(longLine), List.of(), List.of(longLine)), true,
                Collections.nCopies(50, "note " + longLine), base.startedAt(), base.evidenceAt(), base.elapsedMs());

        EmbedRenderer.Rendered rendered = EmbedRenderer.render(huge, "lead " + "z".repeat(5000), FirstScreen.CHAT);
        MessageEmbed embed = rendered.embed();
        List<String> all = EmbedRenderer.allCauses(huge);
        assertAll(
                () -> assertTrue(embed.isSendable(), "not empty"),
                () -> assertTrue(embed.getLength() <= EmbedRenderer.MAX_FIRST_EMBED, "length " + embed.getLength()),
                () -> assertTrue(embed.getTitle().endsWith("…"), "a clipped title says so"),
                () -> assertEquals("Do this first", embed.getFields().get(0).getName(), "the next step survives a long lead"),
                () -> assertTrue(embed.getFields().stream().allMatch(f -> f.getName().length() <= MessageEmbed.TITLE_MAX_LENGTH
                        && f.getValue().length() <= MessageEmbed.VALUE_MAX_LENGTH && !f.getValue().isEmpty())),
                () -> assertTrue(rendered.details().stream().allMatch(m -> !m.isEmpty() && m.length() <= Message.MAX_CONTENT_LENGTH)),
                () -> assertTrue(all.stream().allMatch(m -> !m.isEmpty() && m.length() <= Message.MAX_CONTENT_LENGTH)),
                () -> assertTrue(String.join("\n", all).contains("Cause 39"), "Show all causes has every cause"),
                () -> assertTrue(String.join("\n", rendered.details()).contains("… and 34 more: press **Show all causes**")));
    }

    @Test
    void textFromThePasteAndTheProbedServerShowsAsTextWithNothingLive() {
        String hostile = DiscordMarkdownTest.HOSTILE + "\n# heading\n> quote";
        TriageReport report = SampleReports.hostile(hostile);

        EmbedRenderer.Rendered rendered = EmbedRenderer.render(report, EmbedRenderer.changesLead(List.of(hostile)),
                FirstScreen.CHAT);
        MessageEmbed embed = rendered.embed();
        List<String> shown = new ArrayList<>(List.of(embed.getTitle(), embed.getDescription()));
        embed.getFields().forEach(f -> shown.addAll(List.of(f.getName(), f.getValue())));
        shown.addAll(rendered.details());
        shown.addAll(EmbedRenderer.allCauses(report));

        assertAll(shown.stream().map(markdown -> () -> assertEquals(List.of(), RenderedMarkdown.problems(markdown))));
        String all = RenderedMarkdown.shown(String.join("\n", shown));
        assertTrue(all.contains("[click](https://evil.example)"), "still readable as written: " + all);
        assertTrue(all.contains("@everyone"), all);
    }

    @Test
    void clipDoesNotCutACodeSpanOrAnEscapeInTwo() {
        assertEquals("host…", EmbedRenderer.clip("host `example.com` rest", 12));
        assertEquals("a…", EmbedRenderer.clip("a\\*bcdef", 3), "not between a backslash and what it escapes");
    }

    @Test
    void clipNeverSplitsASurrogatePair() {
        String clipped = EmbedRenderer.clip("a" + "😀".repeat(10), 6);
        assertEquals("a😀😀…", clipped);
        assertFalse(Character.isHighSurrogate(clipped.charAt(clipped.length() - 2)));
    }

    @Test
    void chunksCutAtLineEnds() {
        List<String> chunks = EmbedRenderer.chunks("aaaa\nbbbb\ncccc", 10);
        assertEquals(List.of("aaaa\nbbbb", "cccc"), chunks);
    }
}
