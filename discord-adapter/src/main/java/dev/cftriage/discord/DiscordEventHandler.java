package dev.cftriage.discord;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.CommandCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.BusyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.FileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord events into triages and triage reports into Discord messages: slash commands, the "Triage this
 * error" message command, pasted errors in support channels, and the "Re-run probes" and "Support bundle" buttons.
 * Every interaction is acknowledged at once (the triage runs on the service's threads); rate limits, "busy" and bad
 * input are answered with an ephemeral line. Each report shown is kept in a bounded cache under a random key that
 * its buttons carry. An interaction or message delivered again (the gateway replays dispatches after a resume) is
 * ignored: the ids seen in the last hour are remembered, up to a bound.
 *
 * <p>Nothing waits on the gateway's event thread: a support channel's message passes a cheap {@link PasteScreen}
 * there, and the paste parser runs later on {@link PasteDetection}'s bounded workers. Every message sent or edited
 * pings no one ({@link NoMentions}); outside text in it is escaped ({@link DiscordMarkdown}). Thread-safe; close it
 * to stop paste detection.
 */
final class DiscordEventHandler extends ListenerAdapter implements AutoCloseable {
    /** The codes that have their own slash command. */
    static final List<CommandCode> CODES = CommandCode.all();
    static final String GENERAL_COMMAND = "cftriage";
    static final String MESSAGE_COMMAND = "Triage this error";
    /** Button ids are these prefixes plus the report's key in the cache (Discord allows 100 characters). */
    static final String RERUN = "cftriage:rerun:";
    static final String BUNDLE = "cftriage:bundle:";
    static final String FORGOTTEN = "I no longer have this report; run /cftriage again.";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordEventHandler.class);
    private static final int THREAD_NAME_MAX = 100;

    /** A request and the report shown for it. */
    private record Shown(TriageRequest request, TriageReport report) {
    }

    private final ChatBackend backend;
    private final DiscordSettings settings;
    private final PasteDetection detection;
    private final Cache<String, Shown> shown = Caffeine.newBuilder()
            .maximumSize(5_000)
            .expireAfterWrite(Duration.ofDays(1))
            .build();
    /** Interaction and message ids already handled; a replayed dispatch finds its id here. */
    private final Cache<String, Boolean> handled = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    /** Incident mode (issues 13 and 14), or null when the bot runs without it. */
    private volatile DiscordIncidents incidents;

    DiscordEventHandler(ChatBackend backend, DiscordSettings settings) {
        this(backend, settings, new PasteDetection());
    }

    DiscordEventHandler(ChatBackend backend, DiscordSettings settings, PasteDetection detection) {
        this.backend = backend;
        this.settings = settings;
        this.detection = detection;
    }

    /** Turns incident mode on. */
    DiscordEventHandler withIncidents(DiscordIncidents incidents) {
        this.incidents = incidents;
        return this;
    }

    /** The commands to register: one slash command per code, {@code /cftriage}, and the message command. */
    static List<CommandData> commands() {
        List<CommandData> commands = new ArrayList<>();
        for (CommandCode code : CODES) {
            commands.add(slash("cf" + code.code(), "Triage a Cloudflare " + code.code() + ": " + code.title()));
        }
        commands.add(slash(GENERAL_COMMAND, "Triage a Cloudflare error from a host, URL or pasted error"));
        commands.add(Commands.message(MESSAGE_COMMAND));
        return commands;
    }

    private static CommandData slash(String name, String description) {
        return Commands.slash(name, description)
                .addOption(OptionType.STRING, "target", "Host, URL or the pasted error page / headers", true)
                .addOption(OptionType.STRING, "origin", "The origin's address or name, if you know it", false);
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        String name = event.getName();
        Integer code = CODES.stream().map(CommandCode::code).filter(c -> name.equals("cf" + c)).findFirst()
                .orElse(null);
        if ((code == null && !name.equals(GENERAL_COMMAND)) || !firstDelivery(event.getId())) {
            return;
        }
        String target = event.getOption("target", "", OptionMapping::getAsString);
        String origin = event.getOption("origin", OptionMapping::getAsString);
        DiscordIncidents on = incidents;
        if (on != null && code == null && on.command(event, target)) { // incident mode's words
            return;
        }
        answer(event, new TriageRequest(target, code, origin == null ? List.of() : List.of(origin)), null);
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (!event.getName().equals(MESSAGE_COMMAND) || !firstDelivery(event.getId())) {
            return;
        }
        String text = event.getTarget().getContentRaw();
        if (text.isBlank()) {
            NoMentions.of(event.reply("I cannot see that message's text (it is empty, or the bot lacks the Message "
                    + "Content intent): paste it into /cftriage instead.")).setEphemeral(true).queue();
            return;
        }
        answer(event, TriageRequest.of(text), null);
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        DiscordIncidents on = incidents;
        if (on != null && DiscordIncidents.isIncidentButton(id)) { // incident mode's buttons
            if (firstDelivery(event.getId())) {
                on.pressed(event);
            }
            return;
        }
        boolean rerun = id.startsWith(RERUN);
        if ((!rerun && !id.startsWith(BUNDLE)) || !firstDelivery(event.getId())) {
            return;
        }
        Shown last = shown.getIfPresent(id.substring(rerun ? RERUN.length() : BUNDLE.length()));
        if (last == null) {
            NoMentions.of(event.reply(FORGOTTEN)).setEphemeral(true).queue();
        } else if (!rerun) {
            byte[] bundle = backend.supportBundle(last.report()).getBytes(StandardCharsets.UTF_8);
            NoMentions.of(event.reply("Attach this file to your Cloudflare support ticket."))
                    .addFiles(FileUpload.fromData(bundle, "cf-triage-support-bundle.txt"))
                    .setEphemeral(true).queue();
        } else {
            answer(event, last.request().asFresh(), last.report());
        }
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || event.getAuthor().isBot() || event.isWebhookMessage()
                || event.getChannelType().isThread()
                || !settings.isSupportChannel(event.getChannel().getId(), event.getChannel().getName())) {
            return;
        }
        Message message = event.getMessage();
        String text = message.getContentRaw();
        if (PasteScreen.mayDescribeError(text)) {
            detection.offer(message.getId(), () -> triageIfError(event, message, text));
        }
    }

    /** On a paste detection worker: triages the message in a new thread on it when the parser sees an error. */
    private void triageIfError(MessageReceivedEvent event, Message message, String text) {
        if (!backend.describesError(PasteScreen.screenedPart(text)) || !firstDelivery(message.getId())) {
            return;
        }
        Admission admission = backend.admit(userKey(event.getAuthor().getId()), channelKey(event.getChannel().getId()));
        if (admission instanceof Admission.Limited limited) {
            LOG.info("pasted error in channel {} not triaged: {}", event.getChannel().getId(), limited.message());
            return;
        }
        TriageRequest request = TriageRequest.of(text);
        backend.submit(request).whenComplete((report, error) -> {
            if (error != null) {
                String line = userLine(error);
                if (line != null && isBusy(error)) {
                    NoMentions.of(message.reply(DiscordMarkdown.text(line))).queue();
                }
                return;
            }
            message.createThreadChannel(threadName(report)).queue(
                    thread -> post(thread, request, report),
                    failure -> LOG.warn("could not open a thread in channel {}: {}", event.getChannel().getId(),
                            failure.toString()));
        });
    }

    /** True the first time this interaction or message id is seen; false for a delivery repeated by the gateway. */
    private boolean firstDelivery(String id) {
        return handled.asMap().putIfAbsent(id, Boolean.TRUE) == null;
    }

    /**
     * Acknowledges the interaction at once, runs the triage and replaces the deferred reply with the report; after
     * a previous report (a re-run), the reply leads with what changed.
     */
    private void answer(IReplyCallback event, TriageRequest request, TriageReport previous) {
        Admission admission = backend.admit(userKey(event.getUser().getId()), channelKey(event.getChannelId()));
        if (admission instanceof Admission.Limited limited) {
            NoMentions.of(event.reply(limited.message())).setEphemeral(true).queue();
            return;
        }
        event.deferReply().queue();
        InteractionHook hook = event.getHook();
        DiscordIncidents on = incidents;
        Runnable triage = () -> backend.submit(request).whenComplete((report, error) -> {
            if (error != null) {
                String line = userLine(error);
                hook.deleteOriginal().queue();
                NoMentions.of(hook.sendMessage(line != null ? DiscordMarkdown.text(line)
                        : "cf-triage failed unexpectedly; the error was logged.")).setEphemeral(true).queue();
                return;
            }
            String top = previous == null ? null : EmbedRenderer.changesLead(backend.changes(previous, report));
            EmbedRenderer.Rendered rendered = EmbedRenderer.render(report, top);
            ActionRow row = buttons(remember(request, report));
            NoMentions.of(hook.editOriginalEmbeds(rendered.embed())).setComponents(row)
                    .queue(sent -> {
                        detailsInThread(sent, report, rendered.details());
                        if (on != null) { // incident mode: file the report, add Watch, Stop watching, Timeline
                            on.fileAndAddButtons(event, request, report, sent, row);
                        }
                    });
        });
        if (on == null || previous != null) {
            triage.run();
        } else {
            on.unlessJoined(event, request, triage); // incident mode: one incident per host
        }
    }

    /** Posts the report into a channel (a thread opened on a pasted error), then its details. */
    private void post(MessageChannel channel, TriageRequest request, TriageReport report) {
        EmbedRenderer.Rendered rendered = EmbedRenderer.render(report, null);
        NoMentions.of(channel.sendMessageEmbeds(rendered.embed())).setComponents(buttons(remember(request, report)))
                .queue(sent -> sendAll(channel, rendered.details()));
    }

    private void detailsInThread(Message sent, TriageReport report, List<String> details) {
        if (details.isEmpty()) {
            return;
        }
        ChannelType type = sent.getChannelType();
        if (type.isThread()) {
            sendAll(sent.getChannel(), details);
        } else if (type == ChannelType.TEXT || type == ChannelType.NEWS) {
            sent.createThreadChannel(threadName(report)).queue(thread -> sendAll(thread, details),
                    failure -> LOG.warn("could not open a details thread: {}", failure.toString()));
        }
    }

    private static void sendAll(MessageChannel channel, List<String> messages) {
        Consumer<Throwable> logFailure = failure -> LOG.warn("could not post report details: {}", failure.toString());
        for (String text : messages) {
            NoMentions.of(channel.sendMessage(text)).queue(null, logFailure);
        }
    }

    /** Keeps the report for its buttons, before it is sent (a quick press must find it); returns its key. */
    private String remember(TriageRequest request, TriageReport report) {
        String key = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, Character.MAX_RADIX);
        shown.put(key, new Shown(request, report));
        return key;
    }

    private static ActionRow buttons(String key) {
        return ActionRow.of(Button.secondary(RERUN + key, "Re-run probes"),
                Button.secondary(BUNDLE + key, "Support bundle"));
    }

    /** The thread's name: the code and host, within Discord's 100 characters. */
    static String threadName(TriageReport report) {
        StringBuilder name = new StringBuilder("cf-triage");
        if (report.code() != null && report.code().code() != null) {
            name.append(' ').append(report.code().code());
        }
        if (report.input().host() != null) {
            name.append(' ').append(report.input().host());
        }
        return EmbedRenderer.clip(name.toString(), THREAD_NAME_MAX);
    }

    /** The one line to show the user for a failed triage, or null when the failure is a bug (then logged). */
    private String userLine(Throwable error) {
        return backend.userMessage(error).orElseGet(() -> {
            LOG.error("triage failed", error);
            return null;
        });
    }

    /** True when the triage was not started because the service is busy (worth telling an unprompted paste). */
    private static boolean isBusy(Throwable error) {
        return error instanceof BusyException || error instanceof CompletionException && error.getCause() instanceof BusyException;
    }

    private static String userKey(String id) {
        return "discord:user:" + id;
    }

    private static String channelKey(String id) {
        return "discord:channel:" + id;
    }

    @Override
    public void close() {
        detection.close();
        DiscordIncidents on = incidents;
        if (on != null) {
            on.close();
        }
    }
}
