package dev.cftriage.discord;

import dev.cftriage.TriageRequest;
import dev.cftriage.chat.ChatFailure;
import dev.cftriage.chat.ChatSession;
import dev.cftriage.chat.CommandCode;
import dev.cftriage.chat.ReportMemory;
import dev.cftriage.chat.TriageOutcome;
import dev.cftriage.report.TriageReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Discord's transport and widgets: turns Discord events into triages and reports into Discord messages (slash
 * commands, the "Triage this error" message command, pasted errors in support channels, and the "Re-run probes",
 * "Show all causes" and "Support bundle" buttons). What every chat platform shares (deliveries handled once, the
 * reports behind the buttons, admission, the wait limit, every failure's wording, the first screen's size) is the
 * {@link ChatSession}'s. Every interaction is acknowledged at once (the triage runs on the service's threads); rate
 * limits, "busy" and bad input are answered with an ephemeral line. A report's buttons carry the key it is
 * remembered under.
 *
 * <p>Nothing waits on the gateway's event thread: a support channel's message passes a cheap {@link PasteScreen}
 * there, and the paste parser runs later on {@link PasteDetection}'s bounded workers. Every message sent or edited
 * pings no one ({@link NoMentions}); outside text in it is escaped ({@link DiscordMarkdown}). Thread-safe; close it
 * to stop paste detection.
 */
final class DiscordEventHandler extends ListenerAdapter implements AutoCloseable {
    /** The codes that have their own slash command. */
    static final List<CommandCode> CODES = ChatSession.commandCodes();
    static final String GENERAL_COMMAND = "cftriage";
    static final String MESSAGE_COMMAND = "Triage this error";
    /** Button ids are these prefixes plus the report's key in the session (Discord allows 100 characters). */
    static final String RERUN = "cftriage:rerun:";
    static final String CAUSES = "cftriage:causes:";
    static final String BUNDLE = "cftriage:bundle:";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordEventHandler.class);
    private static final int THREAD_NAME_MAX = 100;

    private final ChatSession session;
    private final DiscordSettings settings;
    private final PasteDetection detection;
    /** Incident mode (issues 13 and 14), or null when the bot runs without it. */
    private volatile DiscordIncidents incidents;

    DiscordEventHandler(ChatSession session, DiscordSettings settings) {
        this(session, settings, new PasteDetection());
    }

    DiscordEventHandler(ChatSession session, DiscordSettings settings, PasteDetection detection) {
        this.session = session;
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
        if ((code == null && !name.equals(GENERAL_COMMAND)) || !session.firstDelivery(event.getId())) {
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
        if (!event.getName().equals(MESSAGE_COMMAND) || !session.firstDelivery(event.getId())) {
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
            if (session.firstDelivery(event.getId())) {
                on.pressed(event);
            }
            return;
        }
        String prefix = id.startsWith(RERUN) ? RERUN : id.startsWith(CAUSES) ? CAUSES : id.startsWith(BUNDLE) ? BUNDLE
                : null;
        if (prefix == null || !session.firstDelivery(event.getId())) {
            return;
        }
        Optional<ReportMemory.Remembered> last = session.recall(id.substring(prefix.length()));
        if (last.isEmpty()) {
            NoMentions.of(event.reply(DiscordMarkdown.text(session.forgotten().line()))).setEphemeral(true).queue();
        } else if (prefix.equals(BUNDLE)) {
            byte[] bundle = session.supportBundle(last.get().report()).getBytes(StandardCharsets.UTF_8);
            NoMentions.of(event.reply("Attach this file to your Cloudflare support ticket."))
                    .addFiles(FileUpload.fromData(bundle, "cf-triage-support-bundle.txt"))
                    .setEphemeral(true).queue();
        } else if (prefix.equals(CAUSES)) {
            List<String> causes = EmbedRenderer.allCauses(last.get().report());
            NoMentions.of(event.reply(causes.get(0))).setEphemeral(true).queue(hook -> causes.subList(1, causes.size())
                    .forEach(more -> NoMentions.of(hook.sendMessage(more)).setEphemeral(true).queue()));
        } else {
            answer(event, last.get().request().asFresh(), last.get().report());
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
        if (!session.describesError(PasteScreen.screenedPart(text)) || !session.firstDelivery(message.getId())) {
            return;
        }
        Optional<ChatFailure> refused = session.admit(event.getAuthor().getId(), event.getChannel().getId());
        if (refused.isPresent()) {
            LOG.info("pasted error in channel {} not triaged: {}", event.getChannel().getId(), refused.get().line());
            return;
        }
        TriageRequest request = TriageRequest.of(text);
        session.triage(request).thenAccept(outcome -> {
            if (outcome instanceof TriageOutcome.Failed failed) {
                if (failed.failure().worthTellingUnprompted()) {
                    NoMentions.of(message.reply(DiscordMarkdown.text(failed.failure().line()))).queue();
                }
                return;
            }
            TriageReport report = ((TriageOutcome.Answered) outcome).report();
            message.createThreadChannel(threadName(report)).queue(
                    thread -> post(thread, request, report),
                    failure -> LOG.warn("could not open a thread in channel {}: {}", event.getChannel().getId(),
                            failure.toString()));
        });
    }

    /**
     * Acknowledges the interaction at once, runs the triage and replaces the deferred reply with the report's first
     * embed, its details following in a thread; after a previous report (a re-run), the embed leads with what
     * changed.
     */
    private void answer(IReplyCallback event, TriageRequest request, TriageReport previous) {
        Optional<ChatFailure> refused = session.admit(event.getUser().getId(), event.getChannelId());
        if (refused.isPresent()) {
            NoMentions.of(event.reply(DiscordMarkdown.text(refused.get().line()))).setEphemeral(true).queue();
            return;
        }
        event.deferReply().queue();
        InteractionHook hook = event.getHook();
        DiscordIncidents on = incidents;
        Runnable triage = () -> session.triage(request).thenAccept(outcome -> {
            if (outcome instanceof TriageOutcome.Failed failed) {
                hook.deleteOriginal().queue();
                NoMentions.of(hook.sendMessage(DiscordMarkdown.text(failed.failure().line()))).setEphemeral(true)
                        .queue();
                return;
            }
            TriageReport report = ((TriageOutcome.Answered) outcome).report();
            String top = previous == null ? null : EmbedRenderer.changesLead(session.changes(previous, report));
            EmbedRenderer.Rendered rendered = EmbedRenderer.render(report, top, session.firstScreen());
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
        EmbedRenderer.Rendered rendered = EmbedRenderer.render(report, null, session.firstScreen());
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
        String key = session.newKey();
        session.remember(key, request, report);
        return key;
    }

    private static ActionRow buttons(String key) {
        return ActionRow.of(Button.secondary(RERUN + key, "Re-run probes"),
                Button.secondary(CAUSES + key, "Show all causes"),
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

    @Override
    public void close() {
        detection.close();
        DiscordIncidents on = incidents;
        if (on != null) {
            on.close();
        }
    }
}
