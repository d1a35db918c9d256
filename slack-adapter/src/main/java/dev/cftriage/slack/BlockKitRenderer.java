package dev.cftriage.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.cftriage.slack.SlackText.escape;

import com.slack.api.model.block.LayoutBlock;
import dev.cftriage.report.Cause;
import dev.cftriage.report.CodeSummary;
import dev.cftriage.report.Headlines;
import dev.cftriage.report.InputSummary;
import dev.cftriage.report.ProbeLine;
import dev.cftriage.report.TriageReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders triage reports and the bot's other messages as Block Kit. Every message stays within Slack's limits
 * (50 blocks, 3000 characters per section, 150 per header, 2000 per context element and button value), cutting
 * long parts with a pointer to the rest. Stateless and thread-safe.
 */
final class BlockKitRenderer {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_CHARS = 3000;
    static final int MAX_HEADER_CHARS = 150;
    static final int MAX_CONTEXT_CHARS = 2000;
    /** Causes shown in full; more would bury the likely ones. */
    static final int MAX_CAUSES = 8;
    /** The target named in a command's root message. */
    static final int MAX_TARGET_CHARS = 100;
    /** Probe rows in the table. */
    static final int MAX_PROBES = 30;

    private BlockKitRenderer() {
    }

    /**
     * The full report, with the Re-run and Support bundle buttons.
     *
     * @param changes what changed since the previous run of the same request, or null for a first run
     * @param now the current time, for the evidence's age
     */
    static SlackMessage report(TriageReport report, List<String> changes, Instant now) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(clip(headline(report), MAX_HEADER_CHARS)))));
        if (changes != null) {
            blocks.add(mrkdwn(changes.isEmpty() ? "*Re-run:* nothing changed since the last run."
                    : clip("*Re-run, what changed since the last run:*\n" + bullets(changes), MAX_SECTION_CHARS)));
        }
        blocks.add(mrkdwn(summary(report)));
        List<LayoutBlock> tail = new ArrayList<>();
        if (!report.probes().isEmpty()) {
            tail.add(mrkdwn(probeTable(report.probeLines())));
        }
        if (!report.notes().isEmpty()) {
            tail.add(context(List.of(markdownText(clip("_Notes:_ " + String.join(" · ", escapeAll(report.notes())),
                    MAX_CONTEXT_CHARS)))));
        }
        tail.add(context(List.of(markdownText(clip(timing(report, now), MAX_CONTEXT_CHARS)))));
        String value = ReportButtons.value(report);
        tail.add(actions(asElements(
                button(b -> b.actionId(ReportButtons.RERUN).text(plainText("Re-run probes")).value(value)),
                button(b -> b.actionId(ReportButtons.BUNDLE).text(plainText("Support bundle")).value(value)))));

        int room = MAX_BLOCKS - blocks.size() - tail.size() - 1;
        int shown = Math.min(Math.min(report.causes().size(), MAX_CAUSES), room);
        for (int i = 0; i < shown; i++) {
            blocks.add(mrkdwn(cause(i + 1, report.causes().get(i))));
        }
        int hidden = report.causes().size() - shown;
        if (hidden > 0) {
            blocks.add(context(List.of(markdownText("… " + hidden + " more cause" + (hidden == 1 ? "" : "s")
                    + ": use Support bundle or re-run with --json"))));
        }
        blocks.addAll(tail);
        return new SlackMessage(fallback(report), blocks);
    }

    /**
     * The root message of a slash command while the triage runs. Names the target by the first line of the
     * command's text (as the user typed it: Slack's markup already decoded), cut to {@link #MAX_TARGET_CHARS}: the
     * whole paste (an error page …) would bury the channel.
     */
    static SlackMessage progress(Integer code, String text) {
        String target = clip(text.lines().findFirst().orElse("").strip(), MAX_TARGET_CHARS);
        String what = (code == null ? "" : code + " ") + (target.isEmpty() ? "" : "for " + target);
        String line = "Triaging " + (what.isEmpty() ? "the error" : what.strip()) + "…";
        return new SlackMessage(line, List.of(mrkdwn(clip(":mag: " + escape(line), MAX_SECTION_CHARS))));
    }

    /** The root message once the report is in its thread: the code and the top cause. */
    static SlackMessage verdict(TriageReport report) {
        String line = headline(report);
        Cause top = report.topCause();
        String detail = top == null ? "No likely cause found; the details are in the thread."
                : percent(top.confidence()) + (top.verified() ? " (confirmed by live probes)" : " (from the error's usual causes)")
                + "; the full report is in the thread.";
        return new SlackMessage(line,
                List.of(mrkdwn(clip("*" + escape(line) + "*\n" + escape(detail), MAX_SECTION_CHARS))));
    }

    /** A short notice (a limit, a busy engine, bad input, a failure). */
    static SlackMessage notice(String text) {
        return new SlackMessage(text, List.of(mrkdwn(SlackText.clipEscaped(escape(text), MAX_SECTION_CHARS))));
    }

    /**
     * A support bundle as preformatted sections, escaped (a bundle line like {@code <a Cloudflare IP …>} is text,
     * not markup) and cut after escaping so that each section stays within the limit; what does not fit is cut with
     * a pointer.
     */
    static SlackMessage bundle(String bundle) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(mrkdwn("*Support bundle* (copy it into your Cloudflare support ticket)"));
        String escaped = escape(bundle).replace("```", "'''");
        int chunk = MAX_SECTION_CHARS - 6;
        int at = 0;
        while (at < escaped.length() && blocks.size() < MAX_BLOCKS - 1) {
            int end = escaped.length() - at <= chunk ? escaped.length() : SlackText.cutBefore(escaped, at + chunk);
            blocks.add(mrkdwn("```" + escaped.substring(at, end) + "```"));
            at = end;
        }
        if (at < escaped.length()) {
            blocks.add(context(List.of(markdownText("… cut at Slack's message size; run `cf-triage --json` for all of it"))));
        }
        return new SlackMessage("Support bundle\n" + bundle, blocks);
    }

    private static String headline(TriageReport report) {
        return Headlines.headline(report);
    }

    private static String summary(TriageReport report) {
        StringBuilder s = new StringBuilder();
        CodeSummary code = report.code();
        if (code != null && code.meaning() != null) {
            s.append(escape(code.meaning())).append('\n');
        }
        InputSummary in = report.input();
        List<String> facts = new ArrayList<>();
        if (in.host() != null) {
            facts.add("*Host* `" + escape(in.host()) + "`");
        }
        String context = Headlines.context(report);
        if (!context.isEmpty()) {
            facts.add(escape(context));
        }
        if (!report.verified()) {
            facts.add("_not verified: no probe ran_");
        }
        s.append(String.join(" · ", facts));
        if (report.sslMode() != null) {
            s.append("\n*SSL/TLS mode:* ").append(escape(Headlines.sslMode(report.sslMode())));
        }
        if (in.suspicious()) {
            s.append("\n:warning: The paste contradicts itself: ").append(escape(String.join("; ", in.warnings())));
        }
        String text = s.toString().strip();
        return clip(text.isEmpty() ? "No details were found in the input." : text, MAX_SECTION_CHARS);
    }

    private static String cause(int rank, Cause cause) {
        StringBuilder s = new StringBuilder("*").append(rank).append(". ").append(escape(cause.title())).append("* — ")
                .append(percent(cause.confidence()))
                .append(cause.verified() ? ", confirmed by " + Headlines.confirmedBy(cause) : ", from the error's usual causes");
        if (!cause.evidence().isEmpty()) {
            s.append("\n*Evidence*\n").append(bullets(cause.evidence()));
        }
        if (!cause.fix().isEmpty()) {
            s.append("\n*Fix*");
            for (int i = 0; i < cause.fix().size(); i++) {
                s.append('\n').append(i + 1).append(". ").append(escape(cause.fix().get(i)));
            }
        }
        return clip(s.toString(), MAX_SECTION_CHARS);
    }

    private static String probeTable(List<ProbeLine> probes) {
        List<String> rows = new ArrayList<>();
        for (ProbeLine p : probes.subList(0, Math.min(probes.size(), MAX_PROBES))) {
            rows.add(String.format(Locale.ROOT, "%-13s %-28s %-7s %6s %-6s%s", p.name(), clip(p.target(), 28),
                    p.status(), p.durationMs() > 0 ? p.durationMs() + "ms" : "-", p.source(),
                    p.timings() == null ? "" : "  " + p.timings()));
        }
        if (probes.size() > MAX_PROBES) {
            rows.add("… " + (probes.size() - MAX_PROBES) + " more probes in the support bundle");
        }
        String head = "*Probes*\n```";
        String body = String.join("\n", rows).replace("```", "'''");
        int room = MAX_SECTION_CHARS - head.length() - 3;
        return head + (body.length() <= room ? body : body.substring(0, room - 1) + "…") + "```";
    }

    private static String timing(TriageReport report, Instant now) {
        String took = String.format(Locale.ROOT, "Took %.1f s", report.elapsedMs() / 1000.0);
        if (report.evidenceAt() == null || !report.verified()) {
            return took + " · no live evidence";
        }
        long age = Math.max(0, Duration.between(report.evidenceAt(), now).toSeconds());
        return took + " · evidence " + (age < 1 ? "fresh" : age + " s old")
                + (report.evidenceAt().isBefore(report.startedAt()) ? " (shared with a recent run)" : "");
    }

    private static String fallback(TriageReport report) {
        StringBuilder s = new StringBuilder(headline(report));
        for (Cause c : report.causes()) {
            s.append("\n- ").append(c.title()).append(" (").append(percent(c.confidence())).append(')');
        }
        return s.toString();
    }

    private static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }

    private static String bullets(List<String> lines) {
        StringBuilder s = new StringBuilder();
        for (String line : lines) {
            s.append(s.length() == 0 ? "" : "\n").append("• ").append(escape(line));
        }
        return s.toString();
    }

    private static LayoutBlock mrkdwn(String text) {
        return section(s -> s.text(markdownText(text)));
    }

    private static List<String> escapeAll(List<String> lines) {
        return lines.stream().map(SlackText::escape).toList();
    }

    /** Cuts the text to at most {@code max} characters, ending with "…" when cut. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
