package dev.cftriage.slack;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.CommandCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Attachment;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageEvent;
import dev.cftriage.input.BadInputException;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.incidents.IncidentReplies;
import dev.cftriage.chat.Admission;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cf-triage's Slack behaviour on a Bolt {@link App}: slash commands, mentions, pasted errors, the "Triage this
 * error" shortcut and the report buttons. Every handler acknowledges at once and hands its work to the adapter's
 * own threads; those never wait for a triage (it runs on the engine's threads) and only post its outcome. Events Slack delivers twice (retries, or a mention seen both as a mention and as a message) are
 * answered once. Thread-safe; {@link #close()} stops the work threads.
 */
final class SlackTriageApp implements AutoCloseable {
    /** The callback id of the message shortcut. */
    static final String SHORTCUT = "triage_message";
    /** The codes with a slash command of their own ({@code /cf520} …). */
    static final List<Integer> COMMAND_CODES = CommandCode.all().stream().map(CommandCode::code).toList();
    static final String USAGE = "Usage: `/cftriage <host, URL, Ray ID or pasted error> [origin=IP]`, "
            + "or `/cf522 example.com origin=203.0.113.7`. In a thread, mention me: `@cf-triage 522 example.com`.";
    /** The command's answer when Slack did not say where it was typed (no channel or response_url). */
    static final String NOWHERE = "cf-triage cannot tell where this command was typed, so it cannot answer there.";
    /** The command's answer when its work cannot even be queued. */
    static final String BUSY = "cf-triage is too busy to take this now; try again in a minute.";

    private static final Logger log = LoggerFactory.getLogger(SlackTriageApp.class);

    private final ChatBackend backend;
    private final SlackPoster poster;
    private final boolean answerBots;
    private final Clock clock;
    private final Duration wait;
    private final ExecutorService work;
    private final PasteGate pasteGate = new PasteGate();
    private final Cache<String, Boolean> answered = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();
    private final Cache<String, TriageReport> lastReports = Caffeine.newBuilder()
            .maximumSize(2_000).expireAfterAccess(Duration.ofHours(24)).build();
    /** Incident mode (issues 13 and 14), or null when the bot runs without it. */
    private volatile SlackIncidents incidents;

    /**
     * The behaviour, not yet on an app.
     *
     * @param answerBots true to triage error messages other bots post (alerting integrations)
     * @param wait how long to wait for one triage before giving up on it
     */
    SlackTriageApp(ChatBackend backend, SlackPoster poster, boolean answerBots, Clock clock, Duration wait) {
        this.backend = backend;
        this.poster = poster;
        this.answerBots = answerBots;
        this.clock = clock;
        this.wait = wait;
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
        onButton(app, ReportButtons.BUNDLE, this::bundle);
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
        if (code == null && (text.isEmpty() || text.equalsIgnoreCase("help"))) {
            return ackWith(ctx, USAGE);
        }
        if (p.getChannelId() == null || p.getResponseUrl() == null) {
            return ackWith(ctx, NOWHERE);
        }
        if (incidents != null && code == null && IncidentReplies.isIncidentWord(text)) { // incident mode's words
            SlackIncidents on = incidents;
            return dispatch(() -> on.answerCommand(text, p.getUserId(), p.getChannelId(), p.getResponseUrl()))
                    ? ctx.ack() : ackWith(ctx, BUSY);
        }
        if (backend.admit(userKey(p.getUserId()), channelKey(p.getChannelId())) instanceof Admission.Limited l) {
            return ackWith(ctx, l.message());
        }
        TriageRequest request = code == null ? TriageRequest.of(text) : TriageRequest.of(code, text);
        return dispatch(() -> runCommand(request, p.getUserId(), p.getChannelId(), p.getResponseUrl())) ? ctx.ack()
                : ackWith(ctx, BUSY);
    }

    /** Acknowledges the command with a line only its user sees, escaped like every text the bot sends. */
    private static Response ackWith(SlashCommandContext ctx, String line) {
        return ctx.ack(SlackMessage.ofText(line).text());
    }

    /** The command's flow: a root message in the channel, the report in its thread, the verdict on the root. */
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
            if (root.isOk()) {
                lastReports.put(threadKey(channel, root.getTs()), report);
                // the verdict first: a Watch pressed on the report must find it there, not overwrite its mark
                poster.update(channel, root.getTs(), BlockKitRenderer.verdict(report));
                poster.post(channel, root.getTs(), filed(request, report, user,
                        SlackIncidentChannel.root(channel, root.getTs(), root.getTs()),
                        BlockKitRenderer.report(report, null, clock.instant())));
            } else {
                poster.respond(responseUrl, BlockKitRenderer.report(report, null, clock.instant()), true);
            }
        }, failure -> {
            if (root.isOk()) {
                poster.update(channel, root.getTs(), BlockKitRenderer.notice(failure));
            } else {
                poster.respond(responseUrl, BlockKitRenderer.notice(failure), false);
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
            if (pasteGate.describesError(text, backend::describesError) && firstTime(channel, ts)) {
                triageInThread(user != null ? user : "bot:" + botId, text, reply, false);
            }
        });
    }

    private void answerMention(String user, String ts, String text, Reply reply) {
        if (!firstTime(reply.channel(), ts)) {
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
     * when nothing can be done; an unprompted paste gets silence instead.
     */
    private void triageInThread(String user, String text, Reply reply, boolean prompted) {
        if (backend.admit(userKey(user), channelKey(reply.channel())) instanceof Admission.Limited l) {
            if (prompted) {
                deliver(reply, BlockKitRenderer.notice(l.message()), false);
            }
            return;
        }
        TriageRequest request = TriageRequest.of(text);
        if (answeredByIncident(request, user, reply.channel(), reply.threadTs(), reply.responseUrl())) {
            return;
        }
        triage(request, report -> {
            lastReports.put(threadKey(reply.channel(), reply.threadTs()), report);
            deliver(reply, filed(request, report, user, SlackIncidentChannel.root(reply.channel(), reply.threadTs(), null),
                    BlockKitRenderer.report(report, null, clock.instant())), true);
        }, failure -> {
            if (prompted) {
                deliver(reply, BlockKitRenderer.notice(failure), false);
            } else {
                log.info("not answering a pasted error in {}: {}", reply.channel(), failure);
            }
        });
    }

    private void rerun(String user, String value, Reply reply) {
        if (backend.admit(userKey(user), channelKey(reply.channel())) instanceof Admission.Limited l) {
            deliver(reply, BlockKitRenderer.notice(l.message()), false);
            return;
        }
        TriageRequest request;
        try {
            request = ReportButtons.request(value).asFresh();
        } catch (BadInputException e) {
            deliver(reply, BlockKitRenderer.notice(e.getMessage()), false);
            return;
        }
        triage(request, report -> {
            TriageReport before = lastReports.getIfPresent(threadKey(reply.channel(), reply.threadTs()));
            List<String> changes = before == null ? List.of("the previous run is no longer remembered; this is a fresh run")
                    : backend.changes(before, report);
            lastReports.put(threadKey(reply.channel(), reply.threadTs()), report);
            deliver(reply, filed(request, report, user, SlackIncidentChannel.root(reply.channel(), reply.threadTs(), null),
                    BlockKitRenderer.report(report, changes, clock.instant())), true);
        }, failure -> deliver(reply, BlockKitRenderer.notice(failure), false));
    }

    private void bundle(String user, String value, Reply reply) {
        TriageReport report = lastReports.getIfPresent(threadKey(reply.channel(), reply.threadTs()));
        if (report != null) {
            deliver(reply, BlockKitRenderer.bundle(backend.supportBundle(report)), true);
            return;
        }
        if (backend.admit(userKey(user), channelKey(reply.channel())) instanceof Admission.Limited l) {
            deliver(reply, BlockKitRenderer.notice(l.message()), false);
            return;
        }
        TriageRequest request;
        try {
            request = ReportButtons.request(value);
        } catch (BadInputException e) {
            deliver(reply, BlockKitRenderer.notice(e.getMessage()), false);
            return;
        }
        triage(request, fresh -> {
            lastReports.put(threadKey(reply.channel(), reply.threadTs()), fresh);
            deliver(reply, BlockKitRenderer.bundle(backend.supportBundle(fresh)), true);
        }, failure -> deliver(reply, BlockKitRenderer.notice(failure), false));
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
        } else {
            try {
                poster.respond(responseUrl, joined.get(), true);
            } catch (IOException | RuntimeException e) {
                log.error("answering a command in {} failed", channel, e);
            }
        }
        return true;
    }

    /** Incident mode: the report filed (its incident opened or followed) with the incident buttons; else as it is. */
    private SlackMessage filed(TriageRequest request, TriageReport report, String user,
                               dev.cftriage.incidents.RootMessage root, SlackMessage message) {
        SlackIncidents on = incidents;
        return on == null ? message : on.filed(request, report, user, root, message);
    }

    /**
     * Starts one triage on the engine and returns at once: no work thread waits for it. When it ends (or after
     * {@code wait}), the report or the one-line reason for the user is handed to the callbacks on the work threads,
     * whose only job is then to post it; what the callbacks throw is logged.
     */
    private void triage(TriageRequest request, Answer<TriageReport> onReport, Answer<String> onFailure) {
        backend.submit(request).orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((report, error) -> {
            try {
                if (error == null) {
                    onReport.accept(report);
                } else {
                    onFailure.accept(failureLine(error));
                }
            } catch (IOException | RuntimeException e) {
                log.error("answering a triage failed", e);
            }
        }, this::dispatch);
    }

    /** The user's line for a failed triage; failures that are bugs are logged. */
    private String failureLine(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "cf-triage gave up waiting for the probes; try again in a minute";
        }
        return backend.userMessage(error).orElseGet(() -> {
            log.error("triage failed", cause);
            return "cf-triage failed on this one; the bot's log has the details";
        });
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

    private boolean firstTime(String channel, String ts) {
        return answered.asMap().putIfAbsent(channel + ":" + ts, Boolean.TRUE) == null;
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

    private static String userKey(String user) {
        return "slack:user:" + user;
    }

    private static String channelKey(String channel) {
        return "slack:channel:" + channel;
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
