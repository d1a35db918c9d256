package dev.cftriage.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Attachment;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import dev.cftriage.TriageRequest;
import dev.cftriage.chat.ChatFailure;
import dev.cftriage.incidents.IncidentReplies;
import dev.cftriage.incidents.RootMessage;
import dev.cftriage.chat.ChatSession;
import dev.cftriage.chat.CommandCode;
import dev.cftriage.chat.ReportMemory;
import dev.cftriage.chat.TriageOutcome;
import dev.cftriage.input.BadInputException;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.TriageReport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cf-triage's Slack transport and widgets on a Bolt {@link App}: slash commands (and the form {@code /cftriage} opens
 * without text), mentions, pasted errors, the "Triage this error" shortcut and the report buttons. What every chat
 * platform shares (deliveries answered once, the reports behind the buttons, admission, the wait limit, every
 * failure's wording, the first screen's size) is the {@link ChatSession}'s. Every handler acknowledges at once and
 * hands its work to the adapter's own threads; those never wait for a triage (it runs on the engine's threads) and
 * only post its outcome. Thread-safe; {@link #close()} stops the work threads.
 */
final class SlackTriageApp implements AutoCloseable {
    /** The callback id of the message shortcut. */
    static final String SHORTCUT = "triage_message";
    /** The codes with a slash command of their own ({@code /cf520} …). */
    static final List<Integer> COMMAND_CODES = ChatSession.commandCodes().stream().map(CommandCode::code).toList();
    static final String USAGE = "Usage: `/cftriage <host, URL, Ray ID or pasted error> [origin=IP]` (or `/cftriage` "
            + "alone for a form), or `/cf522 example.com origin=203.0.113.7`. In a thread, mention me: "
            + "`@cf-triage 522 example.com`.";

    private static final Logger log = LoggerFactory.getLogger(SlackTriageApp.class);

    private final ChatSession session;
    /** Incident mode (issues 13 and 14), or null when the bot runs without it. */
    private volatile SlackIncidents incidents;
    private final SlackPoster poster;
    private final boolean answerBots;
    private final ExecutorService work;
    private final PasteGate pasteGate = new PasteGate();

    /**
     * The behaviour, not yet on an app.
     *
     * @param answerBots true to triage error messages other bots post (alerting integrations)
     */
    SlackTriageApp(ChatSession session, SlackPoster poster, boolean answerBots) {
        this.session = session;
        this.poster = poster;
        this.answerBots = answerBots;
        AtomicInteger n = new AtomicInteger();
        this.work = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000), r -> {
            Thread t = new Thread(r, "cf-triage-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Turns incident mode on: call before {@link #register}. */
    SlackTriageApp withIncidents(SlackIncidents incidents) {
        this.incidents = incidents;
        return this;
    }

    /** Registers every handler on the app and returns it. */
    App register(App app) {
        if (incidents != null) { // incident mode: Watch, Stop watching and Timeline buttons
            incidents.register(app, this::dispatch);
        }
        app.command("/cftriage", this::command);
        for (int code : COMMAND_CODES) {
            app.command("/cf" + code, this::command);
        }
        app.viewSubmission(TriageModal.CALLBACK, this::formSubmitted);
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (fromAnswerableAuthor(ctx, e.getUser(), e.getBotId())) {
                Reply reply = new Reply(e.getChannel(), e.getThreadTs() != null ? e.getThreadTs() : e.getTs(), null);
                String text = SlackText.plain(e.getText());
                dispatch(() -> answerMention(e.getUser(), e.getTs(), text, reply));
            }
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            onMessage(ctx, e.getUser(), e.getBotId(), e.getChannel(), e.getTs(), e.getThreadTs(),
                    messageText(e.getText(), e.getAttachments()));
            return ctx.ack();
        });
        app.event(MessageBotEvent.class, (payload, ctx) -> {
            MessageBotEvent e = payload.getEvent();
            onMessage(ctx, null, e.getBotId(), e.getChannel(), e.getTs(), e.getThreadTs(),
                    messageText(e.getText(), e.getAttachments()));
            return ctx.ack();
        });
        app.messageShortcut(SHORTCUT, (req, ctx) -> {
            var p = req.getPayload();
            var message = p.getMessage();
            Reply reply = new Reply(p.getChannel().getId(),
                    message.getThreadTs() != null ? message.getThreadTs() : message.getTs(), p.getResponseUrl());
            String text = SlackText.plain(messageText(message.getText(), message.getAttachments()));
            dispatch(() -> triageInThread(p.getUser().getId(), text, reply, true));
            return ctx.ack();
        });
        onButton(app, ReportButtons.RERUN, this::rerun);
        onButton(app, ReportButtons.CAUSES, (user, value, reply) -> fromReport(user, value, reply,
                report -> BlockKitRenderer.allCauses(ReportView.of(report), report)));
        onButton(app, ReportButtons.BUNDLE, (user, value, reply) -> fromReport(user, value, reply,
                report -> BlockKitRenderer.bundle(session.supportBundle(report))));
        return app;
    }

    private void onButton(App app, String actionId, ButtonJob job) {
        app.blockAction(actionId, (req, ctx) -> {
            var p = req.getPayload();
            Reply reply = buttonReply(p.getContainer(), p.getChannel(), p.getResponseUrl());
            String value = p.getActions().get(0).getValue();
            dispatch(() -> job.run(p.getUser().getId(), value, reply));
            return ctx.ack();
        });
    }

    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        String command = p.getCommand();
        Integer code = command.startsWith("/cf5") ? Integer.valueOf(command.substring(3)) : null;
        String text = SlackText.plain(p.getText());
        if (code == null && text.isEmpty() && p.getTriggerId() != null && p.getChannelId() != null) {
            View form = TriageModal.view(p.getChannelId());
            return dispatch(() -> openForm(p.getTriggerId(), form)) ? ctx.ack()
                    : ackWith(ctx, ChatFailure.overloaded().line());
        }
        if (code == null && (text.isEmpty() || text.equalsIgnoreCase("help"))) {
            return ackWith(ctx, USAGE);
        }
        if (p.getChannelId() == null || p.getResponseUrl() == null) {
            return ackWith(ctx, ChatFailure.nowhere().line());
        }
        if (incidents != null && code == null && IncidentReplies.isIncidentWord(text)) { // incident mode's words
            SlackIncidents on = incidents;
            return dispatch(() -> on.answerCommand(text, p.getUserId(), p.getChannelId(), p.getResponseUrl()))
                    ? ctx.ack() : ackWith(ctx, ChatFailure.overloaded().line());
        }
        Optional<ChatFailure> refused = session.admit(p.getUserId(), p.getChannelId());
        if (refused.isPresent()) {
            return ackWith(ctx, refused.get().line());
        }
        TriageRequest request = code == null ? TriageRequest.of(text) : TriageRequest.of(code, text);
        return dispatch(() -> runCommand(request, p.getUserId(), p.getChannelId(), p.getResponseUrl())) ? ctx.ack()
                : ackWith(ctx, ChatFailure.overloaded().line());
    }

    /** Acknowledges the command with a line only its user sees, escaped like every text the bot sends. */
    private static Response ackWith(SlashCommandContext ctx, String line) {
        return ctx.ack(SlackMessage.ofText(line).text());
    }

    /** Opens the form on a work thread (Slack's trigger id lasts three seconds). */
    private void openForm(String triggerId, View form) {
        try {
            poster.openView(triggerId, form);
        } catch (IOException | RuntimeException e) {
            log.error("opening the form failed", e);
        }
    }

    /**
     * The form's submission: the errors beside the fields, the rate limit's line beside the host, or the same flow
     * as the command in the channel it was typed in.
     */
    private Response formSubmitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        TriageModal.Submission form = TriageModal.read(req.getPayload().getView());
        if (!form.errors().isEmpty()) {
            return ctx.ackWithErrors(form.errors());
        }
        if (form.channel() == null) {
            return ctx.ackWithErrors(Map.of(TriageModal.HOST, ChatFailure.nowhere().line()));
        }
        Optional<ChatFailure> refused = session.admit(req.getPayload().getUser().getId(), form.channel());
        if (refused.isPresent()) {
            return ctx.ackWithErrors(Map.of(TriageModal.HOST, refused.get().line()));
        }
        String user = req.getPayload().getUser().getId();
        return dispatch(() -> runCommand(form.request(), user, form.channel(), null)) ? ctx.ack()
                : ctx.ackWithErrors(Map.of(TriageModal.HOST, ChatFailure.overloaded().line()));
    }

    /**
     * The command's flow: a root message in the channel, the details in its thread, then the root replaced by the
     * channel message (the headline, Do this first and the buttons). Where the bot cannot post, both go through
     * response_url when there is one.
     */
    private void runCommand(TriageRequest request, String user, String channel, String responseUrl) {
        if (answeredByIncident(request, user, channel, null, responseUrl)) {
            return;
        }
        ChatPostMessageResponse root;
        try {
            root = poster.post(channel, null, BlockKitRenderer.progress(request.code(), request.text()));
        } catch (IOException | RuntimeException e) {
            log.error("answering a command in {} failed", channel, e);
            return;
        }
        if (!root.isOk()) {
            log.info("cannot post in {} ({}); answering through response_url", channel, root.getError());
        }
        triage(request, report -> {
            ReportView view = ReportView.of(report);
            SlackMessage first = BlockKitRenderer.channelMessage(view, ReportButtons.value(report));
            SlackMessage details = BlockKitRenderer.details(view, null, session.firstScreen());
            if (root.isOk()) {
                session.remember(threadKey(channel, root.getTs()), request, report);
                // incident mode files the report before anyone can see it, so a second ask already finds the incident
                SlackMessage withIncident = filed(request, report, user,
                        SlackIncidentChannel.root(channel, root.getTs(), root.getTs()), first);
                poster.post(channel, root.getTs(), details);
                poster.update(channel, root.getTs(), withIncident);
            } else if (responseUrl != null) {
                poster.respond(responseUrl, first, true);
                poster.respond(responseUrl, details, true);
            }
        }, failure -> {
            if (root.isOk()) {
                poster.update(channel, root.getTs(), BlockKitRenderer.notice(failure.line()));
            } else if (responseUrl != null) {
                poster.respond(responseUrl, BlockKitRenderer.notice(failure.line()), false);
            }
        });
    }

    /**
     * A message that may hold a pasted error, checked on a work thread through the {@link PasteGate} (cheap checks
     * before the parser, few parses at once). One that mentions the bot is left to its app_mention event, so that
     * the explicit request is the one answered (with the reason when nothing can be done).
     */
    private void onMessage(Context ctx, String user, String botId, String channel, String ts, String threadTs, String markup) {
        if (!fromAnswerableAuthor(ctx, user, botId) || markup.isBlank() || mentionsBot(ctx, markup)) {
            return;
        }
        Reply reply = new Reply(channel, threadTs != null ? threadTs : ts, null);
        dispatch(() -> {
            String text = SlackText.plain(markup);
            if (pasteGate.describesError(text, session::describesError) && session.firstDelivery(channel + ":" + ts)) {
                triageInThread(user != null ? user : "bot:" + botId, text, reply, false);
            }
        });
    }

    private void answerMention(String user, String ts, String text, Reply reply) {
        if (!session.firstDelivery(reply.channel() + ":" + ts)) {
            return;
        }
        if (text.isEmpty() || text.equalsIgnoreCase("help")) {
            deliver(reply, BlockKitRenderer.notice(USAGE), false);
            return;
        }
        triageInThread(user, text, reply, true);
    }

    /**
     * Triages a text and answers in the thread. Prompted requests (a mention, the shortcut) also get the reason
     * when nothing can be done; an unprompted paste gets silence instead, unless the bot is busy.
     */
    private void triageInThread(String user, String text, Reply reply, boolean prompted) {
        Optional<ChatFailure> refused = session.admit(user, reply.channel());
        if (refused.isPresent()) {
            if (prompted) {
                deliver(reply, BlockKitRenderer.notice(refused.get().line()), false);
            }
            return;
        }
        TriageRequest request = TriageRequest.of(text);
        if (answeredByIncident(request, user, reply.channel(), reply.threadTs(), reply.responseUrl())) {
            return;
        }
        triage(request, report -> answerInThread(user, reply, request, report, null), failure -> {
            if (prompted || failure.worthTellingUnprompted()) {
                deliver(reply, BlockKitRenderer.notice(failure.line()), false);
            } else {
                log.info("not answering a pasted error in {}: {}", reply.channel(), failure.line());
            }
        });
    }

    private void rerun(String user, String value, Reply reply) {
        Optional<ChatFailure> refused = session.admit(user, reply.channel());
        if (refused.isPresent()) {
            deliver(reply, BlockKitRenderer.notice(refused.get().line()), false);
            return;
        }
        TriageRequest request;
        try {
            request = ReportButtons.request(value).asFresh();
        } catch (BadInputException e) {
            deliver(reply, BlockKitRenderer.notice(session.forgotten().line()), false);
            return;
        }
        triage(request, report -> {
            TriageReport before = session.recall(threadKey(reply.channel(), reply.threadTs()))
                    .map(ReportMemory.Remembered::report).orElse(null);
            answerInThread(user, reply, request, report, session.changes(before, report));
        }, failure -> deliver(reply, BlockKitRenderer.notice(failure.line()), false));
    }

    /**
     * Remembers the report for the thread's buttons and posts it there: the channel message, then the details (with
     * incident mode, the report is filed and carries its buttons).
     */
    private void answerInThread(String user, Reply reply, TriageRequest request, TriageReport report,
                                List<String> changes) {
        session.remember(threadKey(reply.channel(), reply.threadTs()), request, report);
        deliver(reply, filed(request, report, user, SlackIncidentChannel.root(reply.channel(), reply.threadTs(), null),
                BlockKitRenderer.inThread(ReportView.of(report), changes, session.firstScreen(),
                        ReportButtons.value(report))), true);
    }

    /**
     * Incident mode: when the request's host has an open incident, answers with its verdict and link (in the thread,
     * or else through response_url) and returns true: no probe run starts.
     */
    private boolean answeredByIncident(TriageRequest request, String user, String channel, String threadTs,
                                       String responseUrl) {
        SlackIncidents on = incidents;
        if (on == null) {
            return false;
        }
        Optional<SlackMessage> joined = on.joined(request, user, channel);
        if (joined.isEmpty()) {
            return false;
        }
        if (threadTs != null) {
            deliver(new Reply(channel, threadTs, responseUrl), joined.get(), false);
        } else if (responseUrl != null) {
            try {
                poster.respond(responseUrl, joined.get(), true);
            } catch (IOException | RuntimeException e) {
                log.error("answering a command in {} failed", channel, e);
            }
        }
        return true;
    }

    /** Incident mode: the report filed (its incident opened or followed) with the incident buttons; else as it is. */
    private SlackMessage filed(TriageRequest request, TriageReport report, String user, RootMessage root,
                               SlackMessage message) {
        SlackIncidents on = incidents;
        return on == null ? message : on.filed(request, report, user, root, message);
    }

    /**
     * A button that shows something of the thread's report (all causes, the support bundle): from the remembered
     * report, or, when it is forgotten (a restart), from a new triage of the request the button carries.
     */
    private void fromReport(String user, String value, Reply reply, Function<TriageReport, SlackMessage> render) {
        Optional<ReportMemory.Remembered> remembered = session.recall(threadKey(reply.channel(), reply.threadTs()));
        if (remembered.isPresent()) {
            deliver(reply, render.apply(remembered.get().report()), true);
            return;
        }
        Optional<ChatFailure> refused = session.admit(user, reply.channel());
        if (refused.isPresent()) {
            deliver(reply, BlockKitRenderer.notice(refused.get().line()), false);
            return;
        }
        TriageRequest request;
        try {
            request = ReportButtons.request(value);
        } catch (BadInputException e) {
            deliver(reply, BlockKitRenderer.notice(session.forgotten().line()), false);
            return;
        }
        triage(request, fresh -> {
            session.remember(threadKey(reply.channel(), reply.threadTs()), request, fresh);
            deliver(reply, render.apply(fresh), true);
        }, failure -> deliver(reply, BlockKitRenderer.notice(failure.line()), false));
    }

    /**
     * Starts one triage through the session and returns at once: no work thread waits for it. When it ends (or
     * after the session's wait limit), the report or the failure is handed to the callbacks on the work threads,
     * whose only job is then to post it; what the callbacks throw is logged.
     */
    private void triage(TriageRequest request, Answer<TriageReport> onReport, Answer<ChatFailure> onFailure) {
        session.triage(request).thenAcceptAsync(outcome -> {
            try {
                if (outcome instanceof TriageOutcome.Answered answered) {
                    onReport.accept(answered.report());
                } else if (outcome instanceof TriageOutcome.Failed failed) {
                    onFailure.accept(failed.failure());
                }
            } catch (IOException | RuntimeException e) {
                log.error("answering a triage failed", e);
            }
        }, this::dispatch);
    }

    /**
     * Hands a job to the work threads. Never throws, so that a handler always gets to its ack within Slack's 3
     * seconds: when the queue is full or the threads are stopped, logs and returns false (the job is dropped).
     */
    private boolean dispatch(Runnable job) {
        try {
            work.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            log.warn("too much work queued (or shutting down): a Slack request was not handled");
            return false;
        }
    }

    /** Posts in the reply's thread; where the bot cannot post, answers through response_url when there is one. */
    private void deliver(Reply reply, SlackMessage message, boolean inChannel) {
        try {
            ChatPostMessageResponse posted = poster.post(reply.channel(), reply.threadTs(), message);
            if (posted.isOk()) {
                return;
            }
            if (reply.responseUrl() != null && SlackPoster.CANNOT_POST.contains(posted.getError())) {
                poster.respond(reply.responseUrl(), message, inChannel);
            } else {
                log.warn("could not answer in {}: {}", reply.channel(), posted.getError());
            }
        } catch (IOException | RuntimeException e) {
            log.error("answering in {} failed", reply.channel(), e);
        }
    }

    private boolean fromAnswerableAuthor(Context ctx, String user, String botId) {
        boolean own = (user != null && user.equals(ctx.getBotUserId())) || (botId != null && botId.equals(ctx.getBotId()));
        return !own && (botId == null || answerBots);
    }

    private static boolean mentionsBot(Context ctx, String text) {
        String bot = ctx.getBotUserId();
        return bot != null && (text.contains("<@" + bot + ">") || text.contains("<@" + bot + "|"));
    }

    private static Reply buttonReply(BlockActionPayload.Container container, BlockActionPayload.Channel channel,
                                     String responseUrl) {
        String channelId = channel != null ? channel.getId() : container.getChannelId();
        String thread = container.getThreadTs() != null ? container.getThreadTs() : container.getMessageTs();
        return new Reply(channelId, thread, responseUrl);
    }

    private static String messageText(String text, List<Attachment> attachments) {
        List<String> parts = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            parts.add(text);
        }
        for (Attachment a : attachments == null ? List.<Attachment>of() : attachments) {
            for (String part : new String[] {a.getPretext(), a.getTitle(), a.getText(), a.getFallback()}) {
                if (part != null && !part.isBlank() && !parts.contains(part)) {
                    parts.add(part);
                }
            }
        }
        return String.join("\n", parts);
    }

    private static String threadKey(String channel, String threadTs) {
        return channel + ":" + threadTs;
    }

    /**
     * Lets the work threads finish what they hold (answers of triages that ended) for at most {@code grace}, then
     * stops them. Jobs handed over later are refused. For a graceful shutdown, after the backend drained.
     */
    void finish(Duration grace) throws InterruptedException {
        work.shutdown();
        if (!work.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("answers still being posted after {} ms; stopping them", grace.toMillis());
        }
        close();
    }

    @Override
    public void close() {
        work.shutdownNow();
    }

    /** What a report button does, on a work thread. */
    @FunctionalInterface
    private interface ButtonJob {
        void run(String user, String value, Reply reply);
    }

    /** Where an answer goes: a thread in a channel, and the response_url to fall back on (or null). */
    private record Reply(String channel, String threadTs, String responseUrl) {
    }

    /** What to do with a triage's outcome, on a work thread. */
    @FunctionalInterface
    private interface Answer<T> {
        void accept(T outcome) throws IOException;
    }
}
