package dev.cftriage.discord;

import dev.cftriage.chat.ChatBackend;
import dev.cftriage.chat.ChatSession;
import dev.cftriage.incidents.IncidentChannel;
import dev.cftriage.incidents.IncidentMode;
import dev.cftriage.ops.ChatCalls;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.internal.utils.IOUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's connection to Discord: builds JDA from the settings (REST and gateway URLs may point elsewhere),
 * registers the commands when ready, and falls back to a connection without the privileged Message Content intent
 * when Discord refuses it (close code 4014), logging one line. Messages it sends mention (ping) no one, whatever
 * their text. Thread-safe; close it to disconnect.
 */
final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    /** What the bot needs in a support channel: read, answer with embeds, open threads and post in them. */
    static final Set<Permission> PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_HISTORY);

    private final DiscordSettings settings;
    private final DiscordEventHandler listener;
    private final ChatCalls calls;
    private final CompletableFuture<JDA> ready = new CompletableFuture<>();
    private volatile JDA jda;
    private volatile boolean closed;
    /** Incident mode, or null when off. */
    private IncidentMode incidents;

    private DiscordBot(DiscordSettings settings, DiscordEventHandler listener, ChatCalls calls) {
        this.settings = settings;
        this.listener = listener;
        this.calls = calls;
    }

    /**
     * Connects with incident mode, opened by {@code openIncidents} on the bot's {@link DiscordIncidentChannel}, the
     * session made for {@code backend} with the engine's {@code budget}.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
     */
    static DiscordBot start(DiscordSettings settings, ChatBackend backend, Duration budget,
                            Function<IncidentChannel, IncidentMode> openIncidents) {
        return start(settings, ChatSession.create("discord", backend, budget), ChatCalls.NONE, openIncidents);
    }

    /**
     * Connects with the session, telling {@code calls} of every REST attempt, and with incident mode opened by
     * {@code openIncidents} (null: without incident mode).
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
     */
    static DiscordBot start(DiscordSettings settings, ChatSession session, ChatCalls calls,
                            Function<IncidentChannel, IncidentMode> openIncidents) {
        DiscordEventHandler handler = new DiscordEventHandler(session, settings);
        IncidentMode mode = openIncidents == null ? null
                : openIncidents.apply(new DiscordIncidentChannel(rest(settings)));
        if (mode != null) {
            handler.withIncidents(new DiscordIncidents(mode.desk()));
        }
        DiscordBot bot = new DiscordBot(settings, handler, calls);
        bot.incidents = mode;
        try {
            bot.connect(settings.messageContent());
        } catch (RuntimeException e) {
            if (mode != null) {
                mode.close();
            }
            throw e;
        }
        return bot;
    }

    /** The REST calls incident mode makes by id, on the settings' API URL with the bot's token. */
    static DiscordRest rest(DiscordSettings settings) {
        return new DiscordRest(settings.apiUrl(), settings.token());
    }

    /** Incident mode, or null when the bot runs without it. */
    IncidentMode incidents() {
        return incidents;
    }

    /**
     * Connects to Discord and returns once the token is accepted; {@link #awaitReady(Duration)} waits for the session.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
     */
    static DiscordBot start(DiscordSettings settings, ChatSession session) {
        return start(settings, session, ChatCalls.NONE);
    }

    /** Starts as {@link #start(DiscordSettings, ChatSession)} does, telling {@code calls} of every REST attempt. */
    static DiscordBot start(DiscordSettings settings, ChatSession session, ChatCalls calls) {
        return start(settings, session, calls, null);
    }

    /**
     * Waits until a session is ready, following a reconnect without Message Content.
     *
     * @throws IllegalStateException when the bot shut down instead (a bad token, refused intents …)
     */
    JDA awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Completes with JDA when a session is ready (after a reconnect without Message Content too), or fails when it ends first. */
    CompletableFuture<JDA> ready() {
        return ready.copy();
    }

    /** The URL that adds the bot to a server with its commands and {@link #PERMISSIONS}. */
    static String inviteUrl(JDA api) {
        api.setRequiredScopes("bot", "applications.commands");
        return api.getInviteUrl(PERMISSIONS);
    }

    /** The current connection. */
    JDA jda() {
        return jda;
    }

    private void connect(boolean messageContent) {
        // Reports quote pastes and origins' answers: no text the bot sends may ping anyone.
        NoMentions.byDefault();
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
        if (messageContent) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        JDABuilder builder = JDABuilder.createLight(settings.token(), intents)
                .addEventListeners(listener, new Lifecycle(messageContent))
                .setHttpClientBuilder(IOUtil.newHttpClientBuilder().addInterceptor(new DiscordApiCalls(calls)));
        if (settings.apiUrl() != null) {
            String base = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
            builder.setRestConfig(new RestConfig().setBaseUrl(base));
        }
        if (settings.gatewayUrl() != null) {
            builder.setSessionController(new FixedGateway(settings.gatewayUrl()))
                    .setCompression(Compression.NONE);
        }
        jda = builder.build();
    }

    /** Connects again without Message Content, unless closed meanwhile; a failure ends the wait for a session. */
    private synchronized void reconnectWithoutMessageContent() {
        if (closed) {
            ready.completeExceptionally(new IllegalStateException("the bot was closed"));
            return;
        }
        try {
            connect(false);
        } catch (RuntimeException e) {
            LOG.warn("could not reconnect without the Message Content intent: {}", e.toString());
            ready.completeExceptionally(e);
        }
    }

    /** True while the gateway session is connected (for {@code /readyz}). */
    boolean connected() {
        JDA current = jda;
        return current != null && current.getStatus() == JDA.Status.CONNECTED;
    }

    /**
     * Closes the gateway (close code 1000) after the REST requests already queued (the answers being posted), waiting
     * at most {@code timeout} for them; what is left then is cancelled.
     */
    void closeGracefully(Duration timeout) throws InterruptedException {
        close();
        JDA current = jda;
        if (current != null && !current.awaitShutdown(timeout)) {
            LOG.warn("Discord requests still queued after {} ms; cancelling them", timeout.toMillis());
            current.shutdownNow();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        JDA current = jda;
        if (current != null) {
            current.shutdown();
        }
        listener.close();
        if (incidents != null) {
            incidents.close();
        }
    }

    /** Registers the commands when a session is ready; reconnects without Message Content on close code 4014. */
    private final class Lifecycle extends ListenerAdapter {
        private final boolean messageContent;

        Lifecycle(boolean messageContent) {
            this.messageContent = messageContent;
        }

        @Override
        public void onReady(ReadyEvent event) {
            JDA api = event.getJDA();
            LOG.info("connected as {}; invite URL: {}", api.getSelfUser().getName(), inviteUrl(api));
            if (!messageContent && !settings.supportChannels().isEmpty()) {
                LOG.warn("Message Content intent off: pasted errors in support channels are seen only when they "
                        + "mention the bot; slash commands and \"{}\" work", DiscordEventHandler.MESSAGE_COMMAND);
            }
            List<CommandData> commands = DiscordEventHandler.commands();
            if (settings.guildId() == null) {
                api.updateCommands().addCommands(commands).queue(
                        ok -> LOG.info("registered {} commands globally (they may take a while to show)", ok.size()),
                        failure -> LOG.warn("could not register the commands: {}", failure.toString()));
            } else {
                Guild guild = api.getGuildById(settings.guildId());
                if (guild == null) {
                    LOG.warn("the bot is not in guild {}: invite it there first; commands not registered",
                            settings.guildId());
                } else {
                    registerIn(guild, commands);
                }
            }
            ready.complete(api);
        }

        private void registerIn(Guild guild, List<CommandData> commands) {
            guild.updateCommands().addCommands(commands).queue(
                    ok -> LOG.info("registered {} commands in guild {}", ok.size(), guild.getId()),
                    failure -> LOG.warn("could not register the commands in guild {}: {}", guild.getId(),
                            failure.toString()));
        }

        @Override
        public void onShutdown(ShutdownEvent event) {
            if (!closed && messageContent && event.getCloseCode() == CloseCode.DISALLOWED_INTENTS) {
                LOG.warn("Discord refused the Message Content intent (enable it under Bot → Privileged Gateway "
                        + "Intents, or set DISCORD_MESSAGE_CONTENT=false): reconnecting without it; pasted errors "
                        + "in support channels are seen only when they mention the bot");
                Thread reconnect = new Thread(DiscordBot.this::reconnectWithoutMessageContent, "cf-triage-discord-reconnect");
                reconnect.start();
            } else {
                ready.completeExceptionally(new IllegalStateException("the Discord session ended: "
                        + (event.getCloseCode() == null ? "shut down" : event.getCloseCode().getMeaning())));
            }
        }
    }

    /** A session controller whose gateway is a fixed URL (a local fake or a gateway proxy). */
    private static final class FixedGateway extends SessionControllerAdapter {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
