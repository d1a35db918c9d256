package dev.cftriage.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.cftriage.slack.SlackText.escape;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.cftriage.chat.FirstScreen;
import dev.cftriage.report.Cause;
import dev.cftriage.report.Headlines;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.TriageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a {@link ReportView} (and the bot's other messages) to Block Kit, deciding nothing about the report itself.
 * A report is a channel message (the headline, "Do this first" and the buttons, at most {@link #MAX_CHANNEL_CHARS}
 * characters) and details for the thread. Every text from outside is escaped ({@link SlackText#escape}); every
 * message stays within Slack's limits (50 blocks, 3000 characters per section, 150 per header, 2000 per context
 * element and button value), cutting long parts with a pointer to the rest. Stateless and thread-safe.
 */
final class BlockKitRenderer {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_CHARS = 3000;
    static final int MAX_HEADER_CHARS = 150;
    static final int MAX_CONTEXT_CHARS = 2000;
    /** The most characters a report's channel message shows (headline, Do this first and the buttons' words). */
    static final int MAX_CHANNEL_CHARS = 800;
    /** The target named in a command's root message. */
    static final int MAX_TARGET_CHARS = 100;
    /** The words of the report's buttons, counted in {@link #MAX_CHANNEL_CHARS}. */
    static final String RERUN_WORDS = "Re-run probes";
    static final String CAUSES_WORDS = "Show all causes";
    static final String BUNDLE_WORDS = "Support bundle";

    private BlockKitRenderer() {
    }

    /**
     * A report's channel message: the headline and what to do first, then the buttons, at most
     * {@link #MAX_CHANNEL_CHARS} characters shown. Everything else is in {@link #details}.
     *
     * @param buttonValue what the buttons carry ({@link ReportButtons#value})
     */
    static SlackMessage channelMessage(ReportView view, String buttonValue) {
        int room = MAX_CHANNEL_CHARS - RERUN_WORDS.length() - CAUSES_WORDS.length() - BUNDLE_WORDS.length();
        String headline = clip(view.headline(), MAX_HEADER_CHARS);
        String next = view.nextStep() == null ? "nothing to change yet; the details are in the thread."
                : view.nextStep();
        String first = SlackText.clipEscaped("*Do this first:* " + escape(next), room - headline.length());
        List<LayoutBlock> blocks = List.of(header(h -> h.text(plainText(headline))), mrkdwn(first), actions(asElements(
                button(b -> b.actionId(ReportButtons.RERUN).text(plainText(RERUN_WORDS)).value(buttonValue)),
                button(b -> b.actionId(ReportButtons.CAUSES).text(plainText(CAUSES_WORDS)).value(buttonValue)),
                button(b -> b.actionId(ReportButtons.BUNDLE).text(plainText(BUNDLE_WORDS)).value(buttonValue)))));
        return new SlackMessage(view.headline(), blocks);
    }

    /**
     * The answer in a thread the bot did not start (a mention, a paste, the shortcut, a re-run): the channel
     * message, then the details, in one message.
     *
     * @param changes what changed since the previous run, or null for a first run
     */
    static SlackMessage inThread(ReportView view, List<String> changes, FirstScreen screen, String buttonValue) {
        List<LayoutBlock> blocks = new ArrayList<>(channelMessage(view, buttonValue).blocks());
        blocks.addAll(details(view, changes, screen).blocks());
        return new SlackMessage(view.headline(), blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS)));
    }

    /**
     * The details a thread holds: what changed (after a re-run), why, what was not checked, the context, the other
     * candidates one line each, the probe table with its phase bars, the SSL/TLS mode, the code's meaning and the
     * owner's, visitor's and support's steps.
     *
     * @param changes what changed since the previous run, or null for a first run
     */
    static SlackMessage details(ReportView view, List<String> changes, FirstScreen screen) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (changes != null) {
            blocks.add(mrkdwn(changes.isEmpty() ? "*Re-run:* nothing changed since the last run."
                    : SlackText.clipEscaped("*Re-run, what changed since the last run:*\n" + bullets(changes),
                    MAX_SECTION_CHARS)));
        }
        titled(blocks, "Why", bullets(view.why()));
        titled(blocks, "Not checked", bullets(view.notChecked()));
        String context = view.context().isEmpty() ? view.freshness() : view.context() + " · " + view.freshness();
        blocks.add(context(List.of(verbatim(SlackText.clipEscaped(escape(context), MAX_CONTEXT_CHARS)))));
        titled(blocks, "Other candidates", candidates(view.candidates(), screen.candidates()));
        if (!view.probes().isEmpty()) {
            blocks.add(mrkdwn(probeTable(view.probes(), screen.probes())));
        }
        if (view.sslMode() != null) {
            blocks.add(mrkdwn(SlackText.clipEscaped("*SSL/TLS mode:* " + escape(view.sslMode()), MAX_SECTION_CHARS)));
        }
        if (view.meaning() != null) {
            titled(blocks, "What " + (view.code() == null ? "the error" : escape(view.code())) + " means",
                    escape(view.meaning()));
        }
        titled(blocks, "What the site owner can do", numbered(view.steps().owner()));
        titled(blocks, "What a visitor can do", numbered(view.steps().visitor()));
        titled(blocks, "What to send Cloudflare support", bullets(view.steps().support()));
        return new SlackMessage("Details: " + view.headline(), blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS)));
    }

    /**
     * Every cause in full, the verdict first, each with its certainty, evidence and fix steps ("Show all causes").
     * What does not fit Slack's 50 blocks is counted, with a pointer to the support bundle.
     */
    static SlackMessage allCauses(ReportView view, TriageReport report) {
        List<String> causes = new ArrayList<>();
        Cause top = report.topCause();
        if (top != null) {
            causes.add(cause(1, top, view.certainty()));
        }
        for (ReportView.Candidate c : view.candidates()) {
            causes.add(cause(causes.size() + 1, c.cause(), c.certainty()));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        if (causes.isEmpty()) {
            blocks.add(mrkdwn("No cause was found for this report."));
        }
        int shown = Math.min(MAX_BLOCKS - 1, causes.size());
        causes.subList(0, shown).forEach(c -> blocks.add(mrkdwn(c)));
        int hidden = causes.size() - shown;
        if (hidden > 0) {
            blocks.add(context(List.of(verbatim("… " + hidden + " more cause" + (hidden == 1 ? "" : "s")
                    + " in the support bundle"))));
        }
        return new SlackMessage("All causes: " + view.headline(), blocks);
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
        String escaped = preformatted(bundle);
        int chunk = MAX_SECTION_CHARS - 6;
        int at = 0;
        while (at < escaped.length() && blocks.size() < MAX_BLOCKS - 1) {
            int end = escaped.length() - at <= chunk ? escaped.length() : SlackText.cutBefore(escaped, at + chunk);
            blocks.add(mrkdwn("```" + escaped.substring(at, end) + "```"));
            at = end;
        }
        if (at < escaped.length()) {
            blocks.add(context(List.of(verbatim("… cut at Slack's message size; run `cf-triage --json` for all of it"))));
        }
        return new SlackMessage("Support bundle\n" + bundle, blocks);
    }

    private static void titled(List<LayoutBlock> blocks, String title, String escapedBody) {
        if (!escapedBody.isEmpty()) {
            blocks.add(mrkdwn(SlackText.clipEscaped("*" + title + "*\n" + escapedBody, MAX_SECTION_CHARS)));
        }
    }

    private static String candidates(List<ReportView.Candidate> candidates, int shown) {
        StringBuilder s = new StringBuilder();
        for (ReportView.Candidate c : candidates.subList(0, Math.min(shown, candidates.size()))) {
            s.append(s.length() == 0 ? "" : "\n").append("• _").append(c.certainty().label()).append(":_ ")
                    .append(escape(c.cause().title())).append(" — ").append(escape(c.because()));
        }
        int hidden = candidates.size() - shown;
        if (hidden > 0) {
            s.append("\n… and ").append(hidden).append(" more: press *").append(CAUSES_WORDS).append('*');
        }
        return s.toString();
    }

    private static String cause(int rank, Cause cause, ReportView.Certainty certainty) {
        StringBuilder s = new StringBuilder("*").append(rank).append(". ").append(escape(cause.title())).append("* — ")
                .append(certainty.label())
                .append(cause.verified() ? ", confirmed by " + escape(Headlines.confirmedBy(cause))
                        : ", from the error's usual causes");
        if (!cause.evidence().isEmpty()) {
            s.append("\n*Evidence*\n").append(bullets(cause.evidence()));
        }
        if (!cause.fix().isEmpty()) {
            s.append("\n*Fix*\n").append(numbered(cause.fix()));
        }
        return SlackText.clipEscaped(s.toString(), MAX_SECTION_CHARS);
    }

    /** The probes as a preformatted table: ✅/❌/➖, the probe, its target, the phase bar and the reason. */
    private static String probeTable(List<ReportView.ProbeRow> probes, int shown) {
        List<String> rows = new ArrayList<>();
        for (ReportView.ProbeRow p : probes.subList(0, Math.min(probes.size(), shown))) {
            rows.add(String.format(Locale.ROOT, "%s %-12s %-24s %s%s", p.symbol(), p.name(), p.target(),
                    p.phaseBar() == null ? "" : p.phaseBar() + "  ", p.reason() == null ? p.status() : p.reason()));
        }
        if (probes.size() > shown) {
            rows.add("… " + (probes.size() - shown) + " more probes in the support bundle");
        }
        String head = "*Probes* (phases: r resolve · c connect · t tls · w waiting · x transfer)\n```";
        return head + SlackText.clipEscaped(preformatted(String.join("\n", rows)), MAX_SECTION_CHARS - head.length() - 3)
                + "```";
    }

    /** Outside text escaped for a preformatted block, which three backticks in it would end. */
    private static String preformatted(String text) {
        return escape(text).replace("```", "'''");
    }

    private static String bullets(List<String> lines) {
        StringBuilder s = new StringBuilder();
        for (String line : lines) {
            s.append(s.length() == 0 ? "" : "\n").append("• ").append(escape(line));
        }
        return s.toString();
    }

    private static String numbered(List<String> lines) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            s.append(s.length() == 0 ? "" : "\n").append(i + 1).append(". ").append(escape(lines.get(i)));
        }
        return s.toString();
    }

    /**
     * A mrkdwn text object that Slack shows as written: with {@code verbatim} set, Slack does not turn bare URLs,
     * channel names or words such as {@code @channel} into links or mentions. Every mrkdwn this renderer builds goes
     * through here, since much of it quotes outside text.
     */
    private static MarkdownTextObject verbatim(String text) {
        return MarkdownTextObject.builder().text(text).verbatim(true).build();
    }

    private static LayoutBlock mrkdwn(String text) {
        return section(s -> s.text(verbatim(text)));
    }

    /** Cuts the text to at most {@code max} characters, ending with "…" when cut. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
