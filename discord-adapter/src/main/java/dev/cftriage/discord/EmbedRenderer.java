package dev.cftriage.discord;

import dev.cftriage.report.Cause;
import dev.cftriage.report.CodeSummary;
import dev.cftriage.report.EdgeSummary;
import dev.cftriage.report.Headlines;
import dev.cftriage.report.ProbeLine;
import dev.cftriage.report.TriageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Renders a {@link TriageReport} as one Discord embed, within Discord's limits (title 256, description 4096,
 * 25 fields of 256/1024, footer 2048, 6000 in total), plus the full details as plain messages for a thread when
 * the embed had to leave something out. Stateless and thread-safe; never throws for a valid report.
 *
 * <p>Every string a report holds may come from outside (the paste, a probed server's headers, certificate and
 * page, error strings), so each one enters the Markdown through {@link DiscordMarkdown}: as escaped text, or in a
 * code span without backticks. Only this class's own words carry formatting. The footer is the exception: Discord
 * shows footers as plain text, so it is left as written. Cuts never split a surrogate pair, an escape or a code span.
 */
final class EmbedRenderer {
    /** Causes shown in the embed; the rest go to the details. */
    static final int CAUSES_SHOWN = 3;
    /** A verified top cause at least this sure makes the report red. */
    static final double SURE = 0.7;

    private static final String ELLIPSIS = "…";
    private static final String OWNER_STEPS = "What the site owner can do";
    /** A field is added only while this much of the total is left (a full name and a useful value). */
    private static final int FIELD_ROOM = MessageEmbed.TITLE_MAX_LENGTH + 64;

    /** How bad the report looks, as the embed's colour. */
    enum Severity {
        /** A verified cause the engine is sure of. */
        RED(0xD93F3F),
        /** A fault, but no sure verified cause. */
        ORANGE(0xF38020),
        /** The edge answers fine now. */
        GREEN(0x2EA043),
        /** Nothing could be verified: knowledge only. */
        GREY(0x8B949E);

        final int rgb;

        Severity(int rgb) {
            this.rgb = rgb;
        }
    }

    /**
     * A rendered report.
     *
     * @param embed the embed to send
     * @param details the complete report as plain messages of at most 2000 characters each, for a thread; empty
     *     when the embed shows everything
     */
    record Rendered(MessageEmbed embed, List<String> details) {
    }

    private EmbedRenderer() {
    }

    /** The report's severity: grey when nothing ran, green when the edge answers, red when sure, else orange. */
    static Severity severity(TriageReport report) {
        if (!report.verified()) {
            return Severity.GREY;
        }
        EdgeSummary edge = report.edge();
        if (edge != null && edge.status() != null && edge.status() < 500) {
            return Severity.GREEN;
        }
        Cause top = report.topCause();
        return top != null && top.verified() && top.confidence() >= SURE ? Severity.RED : Severity.ORANGE;
    }

    /** Renders the report; {@code lead} is a line put before the description (e.g. what changed), or null. */
    static Rendered render(TriageReport report, String lead) {
        Budget budget = new Budget();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(severity(report).rgb)
                .setTimestamp(report.evidenceAt());
        embed.setTitle(budget.take(title(report), MessageEmbed.TITLE_MAX_LENGTH));
        embed.setFooter(budget.take(footer(report), MessageEmbed.TEXT_MAX_LENGTH));
        String description = (lead == null ? "" : lead + "\n\n") + description(report);
        embed.setDescription(budget.take(description, MessageEmbed.DESCRIPTION_MAX_LENGTH));

        List<String[]> fields = new ArrayList<>();
        List<Cause> causes = report.causes();
        for (Cause cause : causes.subList(0, Math.min(CAUSES_SHOWN, causes.size()))) {
            fields.add(new String[] {causeName(cause), causeText(cause)});
        }
        if (!report.steps().owner().isEmpty()) {
            fields.add(new String[] {OWNER_STEPS, numbered(report.steps().owner())});
        }
        if (report.sslMode() != null) {
            fields.add(new String[] {"SSL/TLS mode", sslMode(report)});
        }
        if (!report.probes().isEmpty()) {
            fields.add(new String[] {"Probes", probesText(report.probeLines())});
        }
        if (!report.notes().isEmpty()) {
            fields.add(new String[] {"Notes", bullets(report.notes())});
        }
        boolean complete = causes.size() <= CAUSES_SHOWN && !budget.clipped;
        for (String[] field : fields) {
            if (embed.getFields().size() == MessageEmbed.MAX_FIELD_AMOUNT || budget.left() < FIELD_ROOM) {
                complete = false;
                break;
            }
            String name = budget.take(field[0], MessageEmbed.TITLE_MAX_LENGTH);
            String value = budget.take(field[1], Math.min(MessageEmbed.VALUE_MAX_LENGTH, budget.left()));
            embed.addField(name, value, false);
        }
        complete &= !budget.clipped;
        return new Rendered(embed.build(), complete ? List.of() : details(report));
    }

    /** The lead line of a re-run: what changed since the previous report, or that nothing did. */
    static String changesLead(List<String> changes) {
        return changes.isEmpty()
                ? "**Re-ran the probes:** nothing changed."
                : "**Re-ran the probes; what changed:**\n" + bullets(changes);
    }

    /** The whole report as plain text, cut into messages of at most 2000 characters. */
    static List<String> details(TriageReport report) {
        StringBuilder text = new StringBuilder();
        text.append("**").append(title(report)).append("**\n").append(description(report)).append('\n');
        for (Cause cause : report.causes()) {
            text.append("\n**").append(causeName(cause)).append("**\n").append(causeText(cause)).append('\n');
        }
        if (report.sslMode() != null) {
            text.append("\n**SSL/TLS mode**\n").append(sslMode(report)).append('\n');
        }
        if (!report.probes().isEmpty()) {
            text.append("\n**Probes**\n").append(probesText(report.probeLines())).append('\n');
        }
        if (!report.steps().owner().isEmpty()) {
            text.append("\n**" + OWNER_STEPS + "**\n").append(numbered(report.steps().owner())).append('\n');
        }
        if (!report.steps().support().isEmpty()) {
            text.append("\n**What to send Cloudflare support**\n").append(bullets(report.steps().support())).append('\n');
        }
        if (!report.notes().isEmpty()) {
            text.append("\n**Notes**\n").append(bullets(report.notes())).append('\n');
        }
        return chunks(text.toString().strip(), Message.MAX_CONTENT_LENGTH);
    }

    /** Cuts text into pieces of at most {@code max} characters, at line ends where possible. */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (text.length() - start > max) {
            int cut = text.lastIndexOf('\n', start + max);
            if (cut < start + max / 2) {
                cut = safeCut(text, start, start + max);
            }
            out.add(text.substring(start, cut));
            start = cut;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /**
     * The text cut to at most {@code max} characters, ending with an ellipsis when cut; never splits a surrogate
     * pair, and never an escape or a code span unless the only cut is inside one.
     */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int room = max - ELLIPSIS.length();
        if (room <= 0) {
            return text.substring(0, safeCut(text, 0, Math.max(0, max)));
        }
        int cut = text.lastIndexOf('\n', room);
        if (cut < room * 4 / 5) {
            cut = safeCut(text, 0, room);
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /**
     * Where to cut {@code text} at or before {@code at}: never inside a surrogate pair, and not after a lone escaping
     * backslash or inside a code span unless that leaves nothing after {@code from}. Code spans never cross lines in
     * what this class writes, so only the line being cut is read.
     */
    private static int safeCut(String text, int from, int at) {
        int cut = at > 0 && Character.isHighSurrogate(text.charAt(at - 1)) ? at - 1 : at;
        int lineStart = Math.max(from, text.lastIndexOf('\n', cut - 1) + 1);
        boolean inSpan = false;
        int spanStart = -1;
        for (int i = lineStart; i < cut; i++) {
            char c = text.charAt(i);
            if (c == '`') {
                inSpan = !inSpan;
                spanStart = i;
            } else if (c == '\\' && !inSpan) {
                if (i + 1 == cut) {
                    return i > from ? i : cut;
                }
                i++;
            }
        }
        return inSpan && spanStart > from ? spanStart : cut;
    }

    private static String title(TriageReport report) {
        return DiscordMarkdown.text(Headlines.headline(report));
    }

    private static String sslMode(TriageReport report) {
        return DiscordMarkdown.text(Headlines.sslMode(report.sslMode()));
    }

    private static String description(TriageReport report) {
        StringJoiner lines = new StringJoiner("\n");
        String host = report.input().host();
        if (host != null) {
            lines.add("**Host** " + DiscordMarkdown.code(host));
        }
        CodeSummary code = report.code();
        if (code != null && code.meaning() != null) {
            lines.add(DiscordMarkdown.text(code.meaning()));
        }
        EdgeSummary edge = report.edge();
        if (edge != null) {
            lines.add("**Edge now** " + (edge.status() == null ? "no response" : "HTTP " + edge.status())
                    + (edge.challenged() ? " (a challenge page, not an outage)" : ""));
        }
        if (!report.input().warnings().isEmpty()) {
            lines.add("⚠ " + DiscordMarkdown.text(String.join("; ", report.input().warnings())));
        }
        if (report.verified()) {
            String shared = report.evidenceAt().isBefore(report.startedAt()) ? " (shared from a recent run)" : "";
            lines.add("Evidence collected <t:" + report.evidenceAt().getEpochSecond() + ":R>" + shared);
        } else {
            lines.add("Nothing could be probed: causes come from the error catalog only.");
        }
        return lines.toString();
    }

    private static String footer(TriageReport report) {
        String context = Headlines.context(report);
        return (context.isEmpty() ? "" : context + " · ") + "cf-triage in " + report.elapsedMs() + " ms";
    }

    private static String causeName(Cause cause) {
        return String.format(Locale.ROOT, "%d%% %s %s", Math.round(cause.confidence() * 100),
                cause.verified() ? "✅ verified ·" : "📖 from the catalog ·", DiscordMarkdown.text(cause.title()));
    }

    private static String causeText(Cause cause) {
        StringJoiner text = new StringJoiner("\n");
        if (cause.verified()) {
            text.add("_confirmed by " + DiscordMarkdown.text(Headlines.confirmedBy(cause)) + "_");
        }
        if (!cause.evidence().isEmpty()) {
            text.add(bullets(cause.evidence()));
        }
        if (!cause.fix().isEmpty()) {
            text.add("**Fix**").add(numbered(cause.fix()));
        }
        return text.length() == 0 ? "No details." : text.toString();
    }

    private static String probesText(List<ProbeLine> probes) {
        StringJoiner text = new StringJoiner("\n");
        for (ProbeLine probe : probes) {
            String ran = probe.ran() ? " (" + probe.durationMs() + " ms)" : "";
            text.add(icon(probe.status()) + " " + DiscordMarkdown.code(probe.name()) + " ["
                    + DiscordMarkdown.text(probe.source()) + "] " + DiscordMarkdown.text(probe.target()) + ran
                    + (probe.reason() == null ? "" : ": " + DiscordMarkdown.text(probe.reason())));
            if (probe.timings() != null) {
                text.add("  ⏱ " + DiscordMarkdown.text(probe.timings()));
            }
        }
        return text.toString();
    }

    /** The icon of a probe status id; {@code error} and any status added later get the orange one. */
    private static String icon(String status) {
        return switch (status) {
            case "ok" -> "🟢";
            case "fail" -> "🔴";
            case "skipped" -> "⚪";
            case "blocked" -> "⛔";
            default -> "🟠";
        };
    }

    private static String bullets(List<String> lines) {
        StringJoiner s = new StringJoiner("\n");
        lines.forEach(l -> s.add("• " + DiscordMarkdown.text(l)));
        return s.toString();
    }

    private static String numbered(List<String> lines) {
        StringJoiner s = new StringJoiner("\n");
        for (int i = 0; i < lines.size(); i++) {
            s.add((i + 1) + ". " + DiscordMarkdown.text(lines.get(i)));
        }
        return s.toString();
    }

    /** What is left of the 6000-character total of one message's embeds; records whether anything was clipped. */
    private static final class Budget {
        private int left = MessageEmbed.EMBED_MAX_LENGTH_BOT;
        private boolean clipped;

        int left() {
            return left;
        }

        String take(String text, int max) {
            String out = clip(text, Math.min(max, left));
            clipped |= out.length() < text.length();
            left -= out.length();
            return out;
        }
    }
}
