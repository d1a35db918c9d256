package dev.cftriage.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.cftriage.TriageRequest;
import dev.cftriage.incidents.Admission;
import dev.cftriage.incidents.IncidentDesk;
import dev.cftriage.incidents.IncidentReplies;
import dev.cftriage.incidents.RememberedReport;
import dev.cftriage.incidents.Requester;
import dev.cftriage.incidents.RootMessage;
import dev.cftriage.incidents.StoreException;
import dev.cftriage.incidents.WatchStart;
import dev.cftriage.input.BadInputException;
import dev.cftriage.report.InputSummary;
import dev.cftriage.report.TriageReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incident mode in the Slack bot: one incident per host (a triage of a host with an open incident is answered with
 * its verdict and thread link instead of probing), every filed report gets the *Watch*, *Stop watching* and
 * *Timeline* buttons (carrying the report's token, so they work after a restart), and the {@code /cftriage watch},
 * {@code stop}, {@code timeline} and {@code incidents} words. Database calls block: every method but
 * {@link #register} runs on the bot's work threads. Thread-safe.
 */
final class SlackIncidents {
    static final String WATCH = "cftriage_watch";
    static final String STOP = "cftriage_stop_watching";
    static final String TIMELINE = "cftriage_timeline";
    static final String FORGOTTEN = "cf-triage no longer remembers the report of this button; run the command again";

    private static final Logger log = LoggerFactory.getLogger(SlackIncidents.class);

    private final IncidentDesk desk;
    private final IncidentReplies replies;
    private final SlackPoster poster;

    SlackIncidents(IncidentDesk desk, SlackPoster poster) {
        this.desk = desk;
        this.replies = new IncidentReplies(desk);
        this.poster = poster;
    }

    /** Registers the three buttons; their work goes to {@code work}. */
    void register(App app, Executor work) {
        for (String action : List.of(WATCH, STOP, TIMELINE)) {
            app.blockAction(action, (req, ctx) -> {
                BlockActionPayload p = req.getPayload();
                String channel = p.getChannel() != null ? p.getChannel().getId() : p.getContainer().getChannelId();
                String thread = p.getContainer().getThreadTs() != null ? p.getContainer().getThreadTs()
                        : p.getContainer().getMessageTs();
                String token = p.getActions().get(0).getValue();
                String user = p.getUser().getId();
                work.execute(() -> pressed(action, token, new Requester(user, channel), thread));
                return ctx.ack();
            });
        }
    }

    /**
     * The answer instead of a triage when the request's host has an open incident (recorded in its timeline); empty
     * when the triage should run.
     */
    Optional<SlackMessage> joined(TriageRequest request, String user, String channel) {
        String host = hostOf(request);
        if (host == null) {
            return Optional.empty();
        }
        try {
            if (desk.admit(host, new Requester(user, channel)) instanceof Admission.Joined joined) {
                return Optional.of(SlackMessage.ofText(IncidentReplies.joined(joined.incident())));
            }
        } catch (StoreException | IllegalArgumentException e) {
            log.warn("incident mode could not admit a triage: {}", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /**
     * Files the report that is about to be posted in the root's thread and returns the message with the incident
     * buttons; when the database fails, the message as it was (logged).
     */
    SlackMessage filed(TriageRequest request, TriageReport report, String user, RootMessage root, SlackMessage message) {
        try {
            String token = desk.file(report.input().host(), request, report, new Requester(user, root.channel()), root)
                    .memory().token();
            return withButtons(message, token);
        } catch (StoreException | IllegalArgumentException e) {
            log.warn("incident mode could not file a report: {}", e.getClass().getSimpleName());
            return message;
        }
    }

    /** The answer to an incident word of {@code /cftriage} (watch, stop, timeline, incidents); empty for a triage. */
    Optional<SlackMessage> command(String text, String user, String channel) {
        return replies.command(text, new Requester(user, channel)).map(SlackIncidents::block);
    }

    /** Answers an incident word of {@code /cftriage} through the command's response_url, for the channel. */
    void answerCommand(String text, String user, String channel, String responseUrl) {
        try {
            Optional<SlackMessage> answer = command(text, user, channel);
            if (answer.isPresent()) {
                poster.respond(responseUrl, answer.get(), true);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("answering an incident command in {} failed: {}", channel, e.getClass().getSimpleName());
        }
    }

    private void pressed(String action, String token, Requester who, String thread) {
        Optional<RememberedReport> memory = desk.recall(token);
        String host = memory.map(RememberedReport::host).orElse(null);
        String answer;
        if (host == null) {
            answer = memory.isEmpty() ? FORGOTTEN : "this report names no host to follow";
        } else if (WATCH.equals(action)) {
            WatchStart start = desk.watch(host, who);
            answer = start instanceof WatchStart.Started ? null : replies.watchAnswer(start);
        } else if (STOP.equals(action)) {
            answer = desk.stopWatching(host, who) ? null : "No watch of " + host + " is running.";
        } else {
            answer = replies.timeline(host, false, who);
        }
        if (answer != null) {
            try {
                poster.post(who.channel(), thread, TIMELINE.equals(action) && host != null ? block(answer)
                        : SlackMessage.ofText(answer));
            } catch (IOException | RuntimeException e) {
                log.warn("answering an incident button in {} failed: {}", who.channel(), e.getClass().getSimpleName());
            }
        }
    }

    /** The report message with the incident buttons added to its row of buttons. */
    static SlackMessage withButtons(SlackMessage message, String token) {
        List<BlockElement> incident = List.of(
                button(b -> b.actionId(WATCH).text(plainText("Watch")).value(token)),
                button(b -> b.actionId(STOP).text(plainText("Stop watching")).value(token)),
                button(b -> b.actionId(TIMELINE).text(plainText("Timeline")).value(token)));
        List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
        if (!blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof ActionsBlock row) {
            List<BlockElement> elements = new ArrayList<>(row.getElements());
            elements.addAll(incident);
            blocks.set(blocks.size() - 1, ActionsBlock.builder().elements(elements).build());
        } else {
            blocks.add(ActionsBlock.builder().elements(incident).build());
        }
        return new SlackMessage(unescaped(message.text()), blocks);
    }

    /** The host a triage request names, as the report will: empty when it names none (or cannot be read). */
    static String hostOf(TriageRequest request) {
        try {
            return InputSummary.of(request.text()).host();
        } catch (BadInputException e) {
            return null;
        }
    }

    /** Multi-line text (a timeline, a list) as a code block: escaped like every text, shown as written. */
    private static SlackMessage block(String text) {
        return SlackMessage.ofText(text.indexOf('\n') < 0 ? text : "```\n" + text + "\n```");
    }

    /** The inverse of {@link SlackText#escape}: a message's fallback text as it was before escaping. */
    private static String unescaped(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
