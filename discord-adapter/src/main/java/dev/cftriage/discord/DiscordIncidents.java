package dev.cftriage.discord;

import dev.cftriage.TriageRequest;
import dev.cftriage.chat.ChatFailure;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incident mode in the Discord bot: one incident per host (a triage of a host with an open incident is answered
 * with its verdict and link instead of probing), the *Watch*, *Stop watching* and *Timeline* buttons on every filed
 * report (carrying the report's token from the database, so they work after a restart), and the words
 * {@code watch HOST}, {@code stop HOST}, {@code timeline HOST [--json]} and {@code incidents} as the
 * {@code /cftriage} target. Database calls run on two daemon threads of its own, never on JDA's. Thread-safe.
 */
final class DiscordIncidents implements AutoCloseable {
    static final String WATCH = "cftriage:watch:";
    static final String STOP = "cftriage:stop:";
    static final String TIMELINE = "cftriage:timeline:";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordIncidents.class);

    private final IncidentDesk desk;
    private final IncidentReplies replies;
    private final ExecutorService work = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(500), r -> {
                Thread t = new Thread(r, "cf-triage-discord-incidents");
                t.setDaemon(true);
                return t;
            });

    DiscordIncidents(IncidentDesk desk) {
        this.desk = desk;
        this.replies = new IncidentReplies(desk);
    }

    /** True for the ids of the incident buttons. */
    static boolean isIncidentButton(String id) {
        return id.startsWith(WATCH) || id.startsWith(STOP) || id.startsWith(TIMELINE);
    }

    /** The incident buttons for a filed report's token. */
    static List<Button> buttons(String token) {
        return List.of(Button.primary(WATCH + token, "Watch"), Button.secondary(STOP + token, "Stop watching"),
                Button.secondary(TIMELINE + token, "Timeline"));
    }

    /** Answers a press of an incident button: acknowledged at once, the desk's work on this class's threads. */
    void pressed(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        Requester who = new Requester(event.getUser().getId(), event.getChannelId());
        event.deferReply().queue();
        run(event, () -> {
            String token = id.substring(id.indexOf(':', "cftriage:".length()) + 1);
            Optional<RememberedReport> memory = desk.recall(token);
            String host = memory.map(RememberedReport::host).orElse(null);
            if (host == null) {
                return memory.isEmpty() ? ChatFailure.forgotten().line() : "This report names no host to follow.";
            }
            if (id.startsWith(WATCH)) {
                WatchStart start = desk.watch(host, who);
                return start instanceof WatchStart.Started ? "Watching " + host + ": the thread hears of every change."
                        : replies.watchAnswer(start);
            }
            if (id.startsWith(STOP)) {
                return desk.stopWatching(host, who) ? "Stopped watching " + host + "." : "No watch of " + host + " is running.";
            }
            return replies.timeline(host, false, who);
        });
    }

    /**
     * Answers an incident word typed as the {@code /cftriage} target; false (nothing done) when the target is a
     * triage request.
     */
    boolean command(IReplyCallback event, String target) {
        if (!IncidentReplies.isIncidentWord(target)) {
            return false;
        }
        Requester who = new Requester(event.getUser().getId(), event.getChannelId());
        event.deferReply().queue();
        run(event, () -> replies.command(target, who).orElse("Nothing to do."));
        return true;
    }

    /**
     * On this class's threads: when the request's host has an open incident, replaces the deferred reply with its
     * verdict and link (no probe run); otherwise runs {@code triage}.
     */
    void unlessJoined(IReplyCallback event, TriageRequest request, Runnable triage) {
        String user = event.getUser().getId();
        String channel = event.getChannelId();
        execute(() -> {
            Optional<String> answer = joined(request, user, channel);
            if (answer.isPresent()) {
                NoMentions.of(event.getHook().editOriginal(answer.get())).queue();
            } else {
                triage.run();
            }
        });
    }

    /**
     * On this class's threads: files the report the reply shows ({@code sent}) and adds the incident buttons to its
     * row of buttons.
     */
    void fileAndAddButtons(IReplyCallback event, TriageRequest request, TriageReport report, Message sent, ActionRow row) {
        String guild = event.getGuild() == null ? "@me" : event.getGuild().getId();
        RootMessage root = DiscordIncidentChannel.root(guild, sent.getChannelId(), sent.getId());
        String user = event.getUser().getId();
        // a row holds at most five buttons: the report's own keep their row, incident mode's get a second one
        execute(() -> file(request, report, user, root).ifPresent(token ->
                event.getHook().editOriginalComponents(row, ActionRow.of(buttons(token))).queue()));
    }

    private void execute(Runnable job) {
        try {
            work.execute(job);
        } catch (RejectedExecutionException e) {
            LOG.warn("too much incident work queued (or shutting down): a request was dropped");
        }
    }

    /**
     * The answer instead of a triage when the request's host has an open incident (recorded in its timeline), as
     * escaped Markdown with the message URL left live (this class builds it from ids); empty when the triage should
     * run. Blocks on the database.
     */
    Optional<String> joined(TriageRequest request, String user, String channel) {
        String host;
        try {
            host = InputSummary.of(request.text()).host();
        } catch (BadInputException e) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        try {
            if (desk.admit(host, new Requester(user, channel)) instanceof Admission.Joined joined) {
                String text = IncidentReplies.joined(joined.incident());
                String link = joined.incident().link();
                return Optional.of(link != null && text.endsWith(link) && link.startsWith("https://discord.com/channels/")
                        ? DiscordMarkdown.text(text.substring(0, text.length() - link.length())) + link
                        : DiscordMarkdown.text(text));
            }
        } catch (StoreException | IllegalArgumentException e) {
            LOG.warn("incident mode could not admit a triage: {}", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /** Files the report posted as the root; its token for the buttons, or empty when the database failed. */
    Optional<String> file(TriageRequest request, TriageReport report, String user, RootMessage root) {
        try {
            return Optional.of(desk.file(report.input().host(), request, report,
                    new Requester(user, DiscordIncidentChannel.channelId(root)), root).memory().token());
        } catch (StoreException | IllegalArgumentException e) {
            LOG.warn("incident mode could not file a report: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Runs the job on this class's threads (the database blocks) and sends its answer as the deferred reply. */
    private void run(IReplyCallback event, Supplier<String> job) {
        try {
            work.execute(() -> {
                String answer;
                try {
                    answer = job.get();
                } catch (RuntimeException e) {
                    LOG.warn("an incident request failed: {}", e.getClass().getSimpleName());
                    answer = "cf-triage could not do that now; the bot's log has the details.";
                }
                NoMentions.of(event.getHook().editOriginal(EmbedRenderer.clip(block(answer), 2000))).queue();
            });
        } catch (RejectedExecutionException e) {
            NoMentions.of(event.getHook().editOriginal("cf-triage is too busy to take this now; try again in a minute."))
                    .queue();
        }
    }

    /** Multi-line text (a timeline, a list) as a code block, else escaped Markdown. */
    private static String block(String text) {
        return text.indexOf('\n') < 0 ? DiscordMarkdown.text(text)
                : "```\n" + text.replace("```", "\u02CB\u02CB\u02CB") + "\n```";
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
