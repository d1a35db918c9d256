package dev.cftriage.incidents;

import dev.cftriage.TriageRequest;
import dev.cftriage.ZoneHosts;
import dev.cftriage.http.Authentication;
import dev.cftriage.http.Authenticator;
import dev.cftriage.http.BotHttpServer;
import dev.cftriage.http.HttpAnswer;
import dev.cftriage.http.IncomingRequest;
import dev.cftriage.http.PostHandler;
import dev.cftriage.input.BadInputException;
import dev.cftriage.report.TriageReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /cloudflare/webhook}: Cloudflare's notifications, sent to a generic webhook, open and follow incidents.
 * The {@code cf-webhook-auth} header must equal the secret (compared in constant time) or the request gets 401 and
 * nothing is done; the server caps bodies at {@link #MAX_BODY_BYTES} (413). A body that is not a JSON object gets
 * 400 with a one-line reason. Accepted alerts are answered 200 at once and handled on {@code work}, for the hosts
 * {@link AlertHosts} makes of the payload's (a zone it names stands for the zone's proxied hosts when a Cloudflare
 * API token is set; a zone whose records cannot be read leaves the payload's hosts and a note in the thread):
 * <ul>
 *   <li>a START for a host without an open incident posts the alert in one line in the incident channel, triages
 *       the host at once (the code from {@link AlertKind}), posts the report in the thread, files it and starts a
 *       watch;</li>
 *   <li>an alert for a host with an open incident joins its timeline; an END also posts "Cloudflare reports the
 *       alert ended" in its thread and the watch goes on to confirm recovery;</li>
 *   <li>a repeat (same {@code alert_correlation_id} and state: Cloudflare retries) posts nothing;</li>
 *   <li>an unknown alert type is logged once per type and posted as a plain notice.</li>
 * </ul>
 * Thread-safe.
 */
public final class AlertWebhook implements PostHandler {
    /** Where the bots serve it. */
    public static final String PATH = "/cloudflare/webhook";
    /** The largest body taken: Cloudflare's notifications are a few KB. */
    public static final long MAX_BODY_BYTES = 256 * 1024;
    /** The header Cloudflare sends the webhook's secret in. */
    public static final String AUTH_HEADER = "cf-webhook-auth";
    /** The setting holding the secret. */
    public static final String SECRET_SETTING = "CLOUDFLARE_WEBHOOK_SECRET";
    /** Alert events remembered in this process to drop retries that arrive while the first is being handled. */
    static final int MAX_REMEMBERED = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);
    private static final Requester CLOUDFLARE = new Requester("Cloudflare", "alerts webhook");

    private final byte[] secret;
    private final IncidentDesk desk;
    private final Function<TriageRequest, CompletableFuture<TriageReport>> triage;
    private final Function<String, CompletableFuture<ZoneHosts>> proxiedHosts;
    private final AlertResponder responder;
    private final Executor work;
    private final long triageTimeoutMillis;
    private final Set<String> unknownTypesLogged = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });

    /**
     * The webhook.
     *
     * @param secret the shared secret ({@code CLOUDFLARE_WEBHOOK_SECRET}); not blank
     * @param triage runs one triage (the engine's {@code runAsync})
     * @param proxiedHosts a zone's proxied hosts (the backend's {@code proxiedHosts}); waited for as long as a triage
     * @param work where alerts are handled after the 200 (the bot's work threads)
     * @param triageTimeoutMillis how long to wait for one triage
     */
    public AlertWebhook(String secret, IncidentDesk desk, Function<TriageRequest, CompletableFuture<TriageReport>> triage,
                        Function<String, CompletableFuture<ZoneHosts>> proxiedHosts, AlertResponder responder,
                        Executor work, long triageTimeoutMillis) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(SECRET_SETTING + " is not set");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.desk = desk;
        this.triage = triage;
        this.proxiedHosts = proxiedHosts;
        this.responder = responder;
        this.work = work;
        this.triageTimeoutMillis = triageTimeoutMillis;
    }

    /** Adds this webhook's route ({@link #PATH}, its body cap and its authenticator) to a server being built. */
    public BotHttpServer.Builder addTo(BotHttpServer.Builder server) {
        return server.post(PATH, MAX_BODY_BYTES, authenticator(), this);
    }

    /**
     * Threads for handling alerts after their 200: two daemon threads and a queue of 100 (a full queue answers 503,
     * and Cloudflare retries).
     */
    public static ExecutorService workers() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(100), r -> {
            Thread t = new Thread(r, "cf-triage-alerts-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The check of {@code cf-webhook-auth}, on the headers alone: nothing is read from a request without it. */
    public Authenticator authenticator() {
        return new Authenticator() {
            @Override
            public Authentication beforeBody(IncomingRequest request) {
                String given = request.header(AUTH_HEADER);
                if (given == null) {
                    return Authentication.refused("no cf-webhook-auth");
                }
                return MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))
                        ? Authentication.accepted() : Authentication.refused("wrong cf-webhook-auth");
            }

            @Override
            public Authentication check(IncomingRequest request, byte[] body) {
                return beforeBody(request);
            }
        };
    }

    @Override
    public HttpAnswer handle(IncomingRequest request, byte[] body) {
        CloudflareAlert alert;
        try {
            alert = CloudflareAlert.parse(body);
        } catch (BadInputException e) {
            return HttpAnswer.text(400, e.getMessage() + "\n").because("malformed alert");
        }
        if (alert.kind() == AlertKind.UNKNOWN) {
            if (unknownTypesLogged.add(String.valueOf(alert.type())) && unknownTypesLogged.size() < 1_000) {
                LOG.info("a Cloudflare alert of a type cf-triage does not know: {}", Texts.loggable(alert.type()));
            }
        }
        String event = (alert.correlationId() == null ? "no-correlation:" + alert.line() : alert.correlationId())
                + (alert.ended() ? "|end" : "|start");
        if (seen.putIfAbsent(event, Boolean.TRUE) != null) {
            return HttpAnswer.text(200, "repeat\n").because("repeat of an alert event");
        }
        try {
            work.execute(() -> {
                try {
                    handle(alert);
                } catch (RuntimeException e) {
                    LOG.warn("a Cloudflare alert was not handled: {}", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            seen.remove(event);
            return HttpAnswer.refusal(503, "too many alerts queued");
        }
        return HttpAnswer.text(200, "accepted\n");
    }

    private void handle(CloudflareAlert alert) {
        if (alert.kind() == AlertKind.UNKNOWN || alert.hosts().isEmpty()) {
            responder.postNotice(alert.line() + (alert.hosts().isEmpty() && alert.kind() != AlertKind.UNKNOWN
                    ? " (it names no host cf-triage can probe)" : ""));
            return;
        }
        if (alert.ended()) {
            List<String> told = desk.recordAlertEnd(alert.correlationId(), alert.line());
            for (String host : alert.hosts()) {
                if (!told.contains(Texts.hostKey(host))) {
                    desk.recordAlert(host, alert.correlationId(), true, alert.line());
                }
            }
            return;
        }
        AlertHosts targets = AlertHosts.of(alert.hosts(), proxiedHosts, triageTimeoutMillis);
        List<String> notes = targets.notes();
        for (String host : targets.hosts()) {
            AlertRecord record = desk.recordAlert(host, alert.correlationId(), false, alert.line());
            if (record == AlertRecord.NO_INCIDENT) {
                open(host, targets.zones().get(host), alert, notes);
                notes = List.of();
            }
        }
    }

    /**
     * Opens the host's incident: the alert's line (naming the host when it came from a zone's records), the notes and
     * the triage in its thread, the report filed, a watch started.
     *
     * @param zone the zone whose proxied record the host is, or null when the payload names it
     */
    private void open(String host, String zone, CloudflareAlert alert, List<String> notes) {
        RootMessage root = responder.postRoot(zone == null ? alert.line()
                : alert.line() + " (" + host + ", a proxied host of zone " + zone + ")");
        notes.forEach(note -> responder.postInThread(root, note));
        TriageRequest request = alert.kind().code() == null ? TriageRequest.of(host)
                : TriageRequest.of(alert.kind().code(), host);
        TriageReport report;
        try {
            report = triage.apply(request).orTimeout(triageTimeoutMillis, TimeUnit.MILLISECONDS).join();
        } catch (RuntimeException e) {
            responder.postInThread(root, "cf-triage could not triage " + host + " for this alert; try /cftriage " + host);
            return;
        }
        Requester who = new Requester(CLOUDFLARE.user(), responder.channel());
        Filed filed = desk.file(host, request, report, who, root);
        responder.postReport(root, request, report, filed);
        if (filed.incident() == null) {
            responder.postInThread(root, "The probes see nothing failing on " + host + " now; no watch started.");
            return;
        }
        desk.recordAlert(host, alert.correlationId(), false, alert.line());
        if (desk.watch(host, who) instanceof WatchStart.Refused refused) {
            responder.postInThread(root, refused.reason());
        }
    }
}
