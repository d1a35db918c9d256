package dev.cftriage.discord;

import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.Cause;
import dev.cftriage.report.EdgeSummary;
import dev.cftriage.report.Headlines;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.TriageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Maps a {@link ReportView} to Discord, deciding nothing about the report itself: the first embed holds the headline
 * (its title), then Do this first, Why and Not checked as fields, at most {@link #MAX_FIRST_EMBED} characters in all;
 * the details (context, the other candidates one line each, the probes with their phase bars, the SSL/TLS mode, the
 * code's meaning, the steps) are plain messages for a thread, and every cause in full is shown on demand
 * ({@link #allCauses}). Stateless and thread-safe; never throws for a valid report.
 *
 * <p>Every string a report holds may come from outside (the paste, a probed server's headers, certificate and
 * page, error strings), so each one enters the Markdown through {@link DiscordMarkdown}: as escaped text, or in a
 * code span without backticks. Only this class's own words carry formatting. The footer is the exception: Discord
 * shows footers as plain text, so it is left as written. Cuts never split a surrogate pair, an escape or a code span.
 */
final class EmbedRenderer {
    /** The most characters the first embed holds (title, description, fields and footer together). */
    static final int MAX_FIRST_EMBED = 1500;
    /** A verified top cause at least this sure makes the report red. */
    static final double SURE = 0.7;

    private static final String ELLIPSIS = "…";
    /** A field is added only while this much of the budget is left (its name and a useful value). */
    private static final int FIELD_ROOM = 64;

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
     * @param embed the first embed to send
     * @param details the details as plain messages of at most 2000 characters each, for a thread
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

    /**
     * Renders the report's first embed and its details.
     *
     * @param lead a line put before the fields (what changed on a re-run), or null
     */
    static Rendered render(TriageReport report, String lead, FirstScreen screen) {
        ReportView view = ReportView.of(report);
        Budget budget = new Budget(MAX_FIRST_EMBED);
        EmbedBuilder embed = new EmbedBuilder().setColor(severity(report).rgb).setTimestamp(report.evidenceAt());
        embed.setTitle(budget.take(DiscordMarkdown.text(view.headline()), MessageEmbed.TITLE_MAX_LENGTH));
        String footer = view.context().isEmpty() ? view.freshness() : view.context() + " · " + view.freshness();
        embed.setFooter(budget.take(footer, Math.min(MessageEmbed.TEXT_MAX_LENGTH, budget.left() / 4)));
        if (lead != null) {
            embed.setDescription(budget.take(lead, Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, budget.left() / 3)));
        }
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Do this first", view.nextStep() == null
                ? "Nothing to change yet; the details are in the thread." : DiscordMarkdown.text(view.nextStep())});
        if (!view.why().isEmpty()) {
            fields.add(new String[] {"Why", bullets(view.why())});
        }
        if (!view.notChecked().isEmpty()) {
            int shown = Math.min(screen.notChecked(), view.notChecked().size());
            int hidden = view.notChecked().size() - shown;
            fields.add(new String[] {"Not checked", bullets(view.notChecked().subList(0, shown))
                    + (hidden > 0 ? "\n… and " + hidden + " more in the details" : "")});
        }
        for (String[] field : fields) {
            if (budget.left() < FIELD_ROOM) {
                break;
            }
            String name = budget.take(field[0], MessageEmbed.TITLE_MAX_LENGTH);
            embed.addField(name, budget.take(field[1], Math.min(MessageEmbed.VALUE_MAX_LENGTH, budget.left())), false);
        }
        return new Rendered(embed.build(), details(view, screen));
    }

    /** The lead line of a re-run: what changed since the previous report, or that nothing did. */
    static String changesLead(List<String> changes) {
        return changes.isEmpty()
                ? "**Re-ran the probes:** nothing changed."
                : "**Re-ran the probes; what changed:**\n" + bullets(changes);
    }

    /**
     * The details for a thread, cut into messages of at most 2000 characters: the context, the other candidates one
     * line each, the probes, the SSL/TLS mode, the code's meaning and the owner's, visitor's and support's steps.
     */
    static List<String> details(ReportView view, FirstScreen screen) {
        StringBuilder text = new StringBuilder();
        text.append("**Details: ").append(DiscordMarkdown.text(view.headline())).append("**\n");
        String context = view.context().isEmpty() ? view.freshness() : view.context() + " · " + view.freshness();
        text.append(DiscordMarkdown.text(context)).append('\n');
        if (view.notChecked().size() > screen.notChecked()) {
            text.append("\n**Not checked**\n").append(bullets(view.notChecked())).append('\n');
        }
        if (!view.candidates().isEmpty()) {
            text.append("\n**Other candidates**\n");
            int shown = Math.min(screen.candidates(), view.candidates().size());
            for (ReportView.Candidate c : view.candidates().subList(0, shown)) {
                text.append("• _").append(c.certainty().label()).append(":_ ").append(DiscordMarkdown.text(c.cause().title()))
                        .append(" — ").append(DiscordMarkdown.text(c.because())).append('\n');
            }
            int hidden = view.candidates().size() - shown;
            if (hidden > 0) {
                text.append("… and ").append(hidden).append(" more: press **Show all causes**\n");
            }
        }
        if (!view.probes().isEmpty()) {
            text.append("\n**Probes** (phases: r resolve · c connect · t tls · w waiting · x transfer)\n")
                    .append(probesText(view.probes(), screen.probes())).append('\n');
        }
        if (view.sslMode() != null) {
            text.append("\n**SSL/TLS mode**\n").append(DiscordMarkdown.text(view.sslMode())).append('\n');
        }
        if (view.meaning() != null) {
            text.append("\n**What ").append(view.code() == null ? "the error" : DiscordMarkdown.text(view.code()))
                    .append(" means**\n").append(DiscordMarkdown.text(view.meaning())).append('\n');
        }
        steps(text, "What the site owner can do", numbered(view.steps().owner()));
        steps(text, "What a visitor can do", numbered(view.steps().visitor()));
        steps(text, "What to send Cloudflare support", bullets(view.steps().support()));
        return chunks(text.toString().strip(), Message.MAX_CONTENT_LENGTH);
    }

    /** Every cause in full, the verdict first, with its certainty, evidence and fix steps, as messages. */
    static List<String> allCauses(TriageReport report) {
        ReportView view = ReportView.of(report);
        StringBuilder text = new StringBuilder();
        Cause top = report.topCause();
        int rank = 0;
        if (top != null) {
            cause(text, ++rank, top, view.certainty());
        }
        for (ReportView.Candidate c : view.candidates()) {
            cause(text, ++rank, c.cause(), c.certainty());
        }
        return chunks(rank == 0 ? "No cause was found for this report." : text.toString().strip(),
                Message.MAX_CONTENT_LENGTH);
    }

    /**
     * Cuts text into pieces of at most {@code max} characters, at line ends where possible. A piece that starts inside
     * a line starts with {@link #ELLIPSIS}: what stood there mid-line was not escaped as a line start
     * ({@code # > - +}, {@code 12. }) and must not become a heading, quote or list of its own.
     */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        int start = 0;
        String lead = "";
        while (text.length() - start + lead.length() > max) {
            int room = max - lead.length();
            int cut = text.lastIndexOf('\n', start + room);
            if (cut < start + room / 2) {
                cut = safeCut(text, start, start + room);
            }
            out.add(lead + text.substring(start, cut));
            start = cut;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            lead = text.lastIndexOf('\n', start - 1) >= cut ? "" : ELLIPSIS;
        }
        if (start < text.length()) {
            out.add(lead + text.substring(start));
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

    private static void steps(StringBuilder text, String title, String body) {
        if (!body.isEmpty()) {
            text.append("\n**").append(title).append("**\n").append(body).append('\n');
        }
    }

    private static void cause(StringBuilder text, int rank, Cause cause, ReportView.Certainty certainty) {
        text.append("**").append(rank).append(". ").append(DiscordMarkdown.text(cause.title())).append("** — ")
                .append(certainty.label()).append(cause.verified()
                        ? ", confirmed by " + DiscordMarkdown.text(Headlines.confirmedBy(cause))
                        : ", from the error's usual causes").append('\n');
        if (!cause.evidence().isEmpty()) {
            text.append(bullets(cause.evidence())).append('\n');
        }
        if (!cause.fix().isEmpty()) {
            text.append("**Fix**\n").append(numbered(cause.fix())).append('\n');
        }
        text.append('\n');
    }

    /** One line per probe: ✅/❌/➖, the probe, its target, the phase bar and the reason; the rest counted. */
    private static String probesText(List<ReportView.ProbeRow> probes, int shown) {
        StringJoiner text = new StringJoiner("\n");
        for (ReportView.ProbeRow probe : probes.subList(0, Math.min(shown, probes.size()))) {
            text.add(probe.symbol() + " " + DiscordMarkdown.code(probe.name()) + " " + DiscordMarkdown.text(probe.target())
                    + (probe.phaseBar() == null ? "" : " " + DiscordMarkdown.code(probe.phaseBar()))
                    + (probe.reason() == null ? "" : ": " + DiscordMarkdown.text(probe.reason())));
        }
        if (probes.size() > shown) {
            text.add("… " + (probes.size() - shown) + " more probes in the support bundle");
        }
        return text.toString();
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

    /** What is left of the characters an embed may hold. */
    private static final class Budget {
        private int left;

        Budget(int total) {
            this.left = total;
        }

        int left() {
            return left;
        }

        String take(String text, int max) {
            String out = clip(text, Math.min(max, left));
            left -= out.length();
            return out;
        }
    }
}
