package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.report.Cause;
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
    void smallReportShowsCodeCauseProbesAndRayInOneEmbed() {
        EmbedRenderer.Rendered rendered = EmbedRenderer.render(SampleReports.report(0.9, true, 523), null);
        MessageEmbed embed = rendered.embed();
        assertAll(
                () -> assertEquals("523 Origin is unreachable — example.com: The origin's address is unroutable", embed.getTitle()),
                () -> assertEquals(0xD93F3F, embed.getColorRaw()),
                () -> assertEquals("Ray 8f3a1b2c3d4e5f60-FRA (Frankfurt) · edge now 523 · cf-triage in 1234 ms", embed.getFooter().getText()),
                () -> assertTrue(embed.getFields().get(0).getName().startsWith("90% ✅ verified")),
                () -> assertTrue(embed.getFields().get(0).getValue().contains("1. Check the A record of example.com")),
                () -> assertEquals("1. Check DNS", field(embed, "What the site owner can do").getValue()),
                () -> assertTrue(field(embed, "Probes").getValue().contains("⏱ resolve 0 · connect 12 · tls 30 · processing 45 · transfer 1 ms")),
                () -> assertTrue(embed.getDescription().contains("<t:" + SampleReports.AT.getEpochSecond() + ":R>")),
                () -> assertTrue(rendered.details().isEmpty(), "nothing left out, no thread needed"));
    }

    @Test
    void sslModeFieldAndWhoConfirmedEachCauseAreShown() {
        TriageReport report = StrictModeReports.selfSignedUnderStrict(SampleReports.report(0.9, true, 526));

        MessageEmbed embed = EmbedRenderer.render(report, null).embed();

        assertTrue(embed.getFields().get(0).getValue().startsWith("_confirmed by live probes and the Cloudflare API_"),
                embed.getFields().get(0).getValue());
        MessageEmbed.Field mode = embed.getFields().stream().filter(f -> "SSL/TLS mode".equals(f.getName())).findFirst()
                .orElseThrow();
        assertEquals("Full (strict) per the Cloudflare API; the evidence points to Full (strict); works with the origin:"
                + " Flexible, Full", mode.getValue());
        assertTrue(embed.getFields().stream().anyMatch(f -> "Probes".equals(f.getName()) && f.getValue().contains("[probe]")));
    }

    @Test
    void reRunLeadSaysWhatChanged() {
        MessageEmbed embed = EmbedRenderer.render(SampleReports.report(0.9, true, 523),
                EmbedRenderer.changesLead(List.of("origin-http 203.0.113.7:443: fail → ok"))).embed();
        assertTrue(embed.getDescription().startsWith("**Re-ran the probes; what changed:**\n• origin-http"));
        assertEquals("**Re-ran the probes:** nothing changed.", EmbedRenderer.changesLead(List.of()));
    }

    @Test
    void hugeReportStaysWithinEveryEmbedLimitAndMovesDetailsToThread() {
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

        EmbedRenderer.Rendered rendered = EmbedRenderer.render(huge, "lead " + "z".repeat(5000));
        MessageEmbed embed = rendered.embed();
        assertAll(
                () -> assertTrue(embed.isSendable(), "within 6000 characters and not empty"),
                () -> assertTrue(embed.getLength() <= MessageEmbed.EMBED_MAX_LENGTH_BOT),
                () -> assertTrue(embed.getTitle().length() <= MessageEmbed.TITLE_MAX_LENGTH),
                () -> assertTrue(embed.getTitle().endsWith("…"), "a clipped title says so"),
                () -> assertTrue(embed.getDescription().length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH),
                () -> assertTrue(embed.getFields().size() <= MessageEmbed.MAX_FIELD_AMOUNT),
                () -> assertTrue(embed.getFields().stream().allMatch(f -> f.getName().length() <= MessageEmbed.TITLE_MAX_LENGTH
                        && f.getValue().length() <= MessageEmbed.VALUE_MAX_LENGTH && !f.getValue().isEmpty())),
                () -> assertTrue(embed.getFooter().getText().length() <= MessageEmbed.TEXT_MAX_LENGTH),
                () -> assertFalse(rendered.details().isEmpty(), "what was left out goes to a thread"),
                () -> assertTrue(rendered.details().stream().allMatch(m -> !m.isEmpty() && m.length() <= Message.MAX_CONTENT_LENGTH)),
                () -> assertTrue(String.join("\n", rendered.details()).contains("Cause 39"), "the thread has every cause"));
    }

    @Test
    void textFromThePasteAndTheProbedServerShowsAsTextWithNothingLive() {
        String hostile = DiscordMarkdownTest.HOSTILE + "\n# heading\n> quote";
        TriageReport report = SampleReports.hostile(hostile);

        EmbedRenderer.Rendered rendered = EmbedRenderer.render(report, EmbedRenderer.changesLead(List.of(hostile)));
        MessageEmbed embed = rendered.embed();
        List<String> shown = new ArrayList<>(List.of(embed.getTitle(), embed.getDescription()));
        embed.getFields().forEach(f -> shown.addAll(List.of(f.getName(), f.getValue())));
        shown.addAll(EmbedRenderer.details(report));

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

    private static MessageEmbed.Field field(MessageEmbed embed, String name) {
        return embed.getFields().stream().filter(f -> name.equals(f.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + embed.getFields()));
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
