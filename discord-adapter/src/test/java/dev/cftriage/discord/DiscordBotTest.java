package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.input.BadInputException;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.Cause;
import dev.cftriage.report.ReportView;
import dev.cftriage.report.TriageReport;
import dev.cftriage.chat.Admission;
import dev.cftriage.chat.BusyException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter end to end: real JDA against {@link FakeDiscord}, with a scripted triage backend. */
class DiscordBotTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScriptedBackend backend = new ScriptedBackend();
    private FakeDiscord fake;
    private DiscordBot bot;

    private void connect(boolean refuseMessageContent) throws Exception {
        fake = FakeDiscord.start(refuseMessageContent);
        bot = fake.connect(backend, WAIT);
    }

    @AfterEach
    void disconnect() throws Exception {
        if (bot != null) {
            fake.disconnect(bot);
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void commandsAreRegisteredInTheConfiguredGuild() throws Exception {
        connect(false);
        JsonNode commands = fake.await("PUT", "/api/v10/applications/" + FakeDiscord.APP_ID + "/guilds/"
                + FakeDiscord.GUILD_ID + "/commands", WAIT).json();
        List<String> names = commands.findValuesAsText("name").stream().filter(n -> n.startsWith("cf") || n.startsWith("Triage")).toList();
        assertTrue(names.containsAll(List.of("cf520", "cf521", "cf522", "cf523", "cf524", "cf525", "cf526", "cf527",
                "cf530", "cftriage", "Triage this error")), names.toString());
        assertTrue(commands.findValuesAsText("description").contains("Triage a Cloudflare 523: Origin is unreachable"),
                "a code's command is described by the catalog's title: " + commands);
    }

    @Test
    void inviteUrlAsksForTheCommandsScopeAndTheChannelPermissions() throws Exception {
        connect(false);
        assertEquals("https://discord.com/oauth2/authorize?client_id=" + FakeDiscord.APP_ID
                + "&scope=bot+applications.commands&permissions=309237730304", DiscordBot.inviteUrl(bot.jda()));
    }

    @Test
    void slashCommandIsDeferredThenAnsweredWithAnEmbedReport() throws Exception {
        connect(false);
        backend.thenReport(SampleReports.report(0.9, true, 523));
        Map<String, Object> interaction = fake.slashCommand("cf523", Map.of("target", "example.com", "origin", "203.0.113.7"));

        FakeDiscord.Exchange deferred = fake.await("POST", FakeDiscord.callbackPath(interaction), WAIT);
        assertEquals(5, deferred.json().path("type").asInt(), "a deferred channel message");
        JsonNode report = fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT).json();
        JsonNode embed = report.path("embeds").path(0);
        assertEquals(ReportView.of(SampleReports.report(0.9, true, 523)).headline(), embed.path("title").asText());
        assertEquals("Do this first", embed.path("fields").path(0).path("name").asText());
        assertEquals(0xD93F3F, embed.path("color").asInt());
        assertTrue(report.findValuesAsText("custom_id").stream().allMatch(id -> id.length() <= 100), "Discord's limit");
        assertEquals(List.of("Re-run probes", "Show all causes", "Support bundle"), report.findValuesAsText("label"),
                "the report carries its three buttons");
        assertEquals(List.of(new TriageRequest("example.com", 523, List.of("203.0.113.7"))), backend.requests);
    }

    @Test
    void messageCommandTriagesTheMessageText() throws Exception {
        connect(false);
        backend.thenReport(SampleReports.report(0.5, true, 523));
        String paste = "Error 523 Ray ID: 8f3a1b2c3d4e5f60 example.com";
        Map<String, Object> interaction = fake.messageCommand(DiscordEventHandler.MESSAGE_COMMAND, paste);
        assertEquals(5, fake.await("POST", FakeDiscord.callbackPath(interaction), WAIT).json().path("type").asInt());
        JsonNode embed = fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT).json().path("embeds").path(0);
        assertEquals(0xF38020, embed.path("color").asInt(), "orange: a fault without a sure cause");
        assertEquals(List.of(TriageRequest.of(paste)), backend.requests);
    }

    @Test
    void messageCommandOnAnUnreadableMessageExplainsWhyEphemerally() throws Exception {
        connect(false);
        Map<String, Object> interaction = fake.messageCommand(DiscordEventHandler.MESSAGE_COMMAND, "");
        JsonNode reply = fake.await("POST", FakeDiscord.callbackPath(interaction), WAIT).json();
        assertEquals(4, reply.path("type").asInt());
        assertTrue(reply.path("data").path("content").asText().contains("Message Content intent"));
        assertEquals(64, reply.path("data").path("flags").asInt() & 64, "ephemeral");
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void reportTooLongForAnEmbedPutsItsDetailsInAThread() throws Exception {
        connect(false);
        backend.thenReport(withSixCauses(i -> SampleReports.cause("Cause number " + i, 0.8 - i / 10.0, true)));
        Map<String, Object> interaction = fake.slashCommand("cf523", Map.of("target", "example.com"));
        String messageId = fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT).responseJson().path("id").asText();

        FakeDiscord.Exchange thread = fake.await("POST",
                "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + messageId + "/threads", WAIT);
        String threadId = thread.responseJson().path("id").asText();
        String details = fake.await("POST", "/api/v10/channels/" + threadId + "/messages", WAIT).json()
                .path("content").asText();
        assertTrue(details.contains("Cause number 5"), "the thread has the causes the embed left out: " + details);
    }

    @Test
    void pastedErrorInSupportChannelGetsAThreadWithTheReport() throws Exception {
        connect(false);
        backend.thenReport(SampleReports.report(0.9, true, 523));
        String messageId = fake.memberMessage("Help! Error 523 Origin is unreachable on example.com, Ray ID: 8f3a1b2c3d4e5f60");

        FakeDiscord.Exchange thread = fake.await("POST",
                "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + messageId + "/threads", WAIT);
        assertEquals("cf-triage 523 example.com", thread.json().path("name").asText());
        String threadId = thread.responseJson().path("id").asText();
        JsonNode posted = fake.await("POST", "/api/v10/channels/" + threadId + "/messages", WAIT).json();
        assertTrue(posted.path("embeds").path(0).path("title").asText().contains(" 523 · example.com — "));
        assertEquals(1, backend.requests.size());
        assertTrue(backend.requests.get(0).text().contains("Error 523"));
    }

    @Test
    void detailsQuotingMentionsPingNoOne() throws Exception {
        connect(false);
        backend.thenReport(withSixCauses(i -> SampleReports.cause("The origin answered @everyone <@" + FakeDiscord.USER_ID
                + "> " + i, 0.8, true)));
        Map<String, Object> interaction = fake.slashCommand("cf523", Map.of("target", "example.com"));
        String messageId = fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT).responseJson().path("id").asText();
        String threadId = fake.await("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + messageId
                + "/threads", WAIT).responseJson().path("id").asText();

        JsonNode details = fake.await("POST", "/api/v10/channels/" + threadId + "/messages", WAIT).json();
        assertTrue(details.path("content").asText().contains("\\@everyone \\<\\@" + FakeDiscord.USER_ID + ">"),
                "quoted, escaped to read as text: " + details.path("content").asText());
        JsonNode parse = details.path("allowed_mentions").path("parse");
        assertTrue(parse.isArray() && parse.isEmpty(), details.path("allowed_mentions").toString());
    }

    @Test
    void chatterInSupportChannelIsLeftAlone() throws Exception {
        connect(false);
        fake.memberMessage("good morning everyone");
        fake.memberMessage("Error 522 here too");
        backend.thenReport(SampleReports.report(0.9, true, 522));
        fake.await("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/\\d+/threads", WAIT);
        assertEquals(1, backend.requests.size(), "only the message with an error was triaged");
        assertTrue(backend.requests.get(0).text().startsWith("Error 522"));
    }

    @Test
    void rerunButtonRunsTheProbesAgainAndSaysWhatChanged() throws Exception {
        connect(false);
        backend.thenReport(SampleReports.report(0.9, true, 523)).thenReport(SampleReports.report(0.9, true, 200));
        Map<String, Object> first = fake.slashCommand("cftriage", Map.of("target", "example.com"));
        FakeDiscord.Exchange report = fake.await("PATCH", FakeDiscord.originalPath(first), WAIT);

        Map<String, Object> press = fake.buttonPress(buttonId(report, DiscordEventHandler.RERUN),
                report.responseJson().path("id").asText(), FakeDiscord.CHANNEL_ID);
        assertEquals(5, fake.await("POST", FakeDiscord.callbackPath(press), WAIT).json().path("type").asInt());
        JsonNode rerun = fake.await("PATCH", FakeDiscord.originalPath(press), WAIT).json().path("embeds").path(0);
        assertEquals("**Re-ran the probes; what changed:**\n• edge: 523 → 200",
                rerun.path("description").asText().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertEquals(0x2EA043, rerun.path("color").asInt(), "green: the edge answers now");
        assertEquals(2, backend.requests.size());
        assertEquals(backend.requests.get(0).asFresh(), backend.requests.get(1), "the same request ran again, asking for fresh evidence");
    }

    @Test
    void buttonOnAForgottenReportGetsAnEphemeralLine() throws Exception {
        connect(false);
        Map<String, Object> press = fake.buttonPress(DiscordEventHandler.RERUN + "unknownkey", fake.snowflake(), FakeDiscord.CHANNEL_ID);
        JsonNode reply = fake.await("POST", FakeDiscord.callbackPath(press), WAIT).json();
        assertEquals(4, reply.path("type").asInt());
        assertEquals("I no longer have this report; run the command again.", reply.path("data").path("content").asText());
        assertEquals(64, reply.path("data").path("flags").asInt() & 64, "ephemeral");
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void showAllCausesButtonRepliesOnlyToThePresserWithEveryCauseAndItsFixSteps() throws Exception {
        connect(false);
        backend.thenReport(withSixCauses(i -> SampleReports.cause("Cause number " + i, 0.8 - i / 10.0, true)));
        Map<String, Object> first = fake.slashCommand("cf523", Map.of("target", "example.com"));
        FakeDiscord.Exchange report = fake.await("PATCH", FakeDiscord.originalPath(first), WAIT);

        Map<String, Object> press = fake.buttonPress(buttonId(report, DiscordEventHandler.CAUSES),
                report.responseJson().path("id").asText(), FakeDiscord.CHANNEL_ID);
        JsonNode reply = fake.await("POST", FakeDiscord.callbackPath(press), WAIT).json();
        String causes = reply.path("data").path("content").asText();
        assertTrue(causes.startsWith("**1. Cause number 0** — "), causes);
        assertTrue(causes.contains("**6. Cause number 5**") && causes.contains("**Fix**"), causes);
        assertEquals(64, reply.path("data").path("flags").asInt() & 64, "ephemeral");
        assertEquals(1, backend.requests.size(), "the remembered report, not a new triage");
    }

    @Test
    void supportBundleButtonRepliesWithTheBundleFile() throws Exception {
        connect(false);
        backend.thenReport(SampleReports.report(0.9, true, 523));
        Map<String, Object> first = fake.slashCommand("cf523", Map.of("target", "example.com"));
        FakeDiscord.Exchange report = fake.await("PATCH", FakeDiscord.originalPath(first), WAIT);

        Map<String, Object> press = fake.buttonPress(buttonId(report, DiscordEventHandler.BUNDLE),
                report.responseJson().path("id").asText(), FakeDiscord.CHANNEL_ID);
        FakeDiscord.Exchange reply = fake.await("POST", FakeDiscord.callbackPath(press), WAIT);
        assertTrue(reply.body().contains("cf-triage-support-bundle.txt"), reply.body());
        assertTrue(reply.body().contains("bundle for example.com"), reply.body());
    }

    @Test
    void rateLimitedUserGetsAnEphemeralLineAndNoTriage() throws Exception {
        connect(false);
        Admission.Limited limited = new Admission.Limited("user", Duration.ofSeconds(12));
        backend.admitWith(limited);
        Map<String, Object> interaction = fake.slashCommand("cf521", Map.of("target", "example.com"));
        JsonNode reply = fake.await("POST", FakeDiscord.callbackPath(interaction), WAIT).json();
        assertEquals(4, reply.path("type").asInt(), "answered at once, not deferred");
        assertEquals(limited.message(), reply.path("data").path("content").asText());
        assertEquals(64, reply.path("data").path("flags").asInt() & 64, "ephemeral");
        assertTrue(backend.requests.isEmpty());
    }

    @Test
    void busyServiceAnswersWithAnEphemeralFollowUp() throws Exception {
        connect(false);
        BusyException busy = new BusyException(Duration.ofSeconds(5));
        backend.thenFail(busy);
        Map<String, Object> interaction = fake.slashCommand("cf524", Map.of("target", "example.com"));
        fake.await("POST", FakeDiscord.callbackPath(interaction), WAIT);
        fake.await("DELETE", FakeDiscord.originalPath(interaction), WAIT);
        JsonNode followUp = fake.await("POST", "/api/v10/webhooks/" + FakeDiscord.APP_ID + "/" + interaction.get("token"), WAIT).json();
        assertEquals(busy.getMessage(), followUp.path("content").asText());
        assertEquals(64, followUp.path("flags").asInt() & 64, "ephemeral");
    }

    @Test
    void badInputAnswersWithItsOneLine() throws Exception {
        connect(false);
        backend.thenFail(new BadInputException("'exa mple.com' is not a host name"));
        Map<String, Object> interaction = fake.slashCommand("cftriage", Map.of("target", "exa mple.com"));
        JsonNode followUp = fake.await("POST", "/api/v10/webhooks/" + FakeDiscord.APP_ID + "/" + interaction.get("token"), WAIT).json();
        assertEquals("'exa mple.com' is not a host name", followUp.path("content").asText());
    }

    @Test
    void refusedMessageContentIntentReconnectsWithoutIt() throws Exception {
        connect(true);
        List<Integer> intents = fake.identifiedIntents();
        assertEquals(2, intents.size(), intents.toString());
        assertTrue((intents.get(0) & FakeDiscord.MESSAGE_CONTENT_INTENT) != 0, "asked for Message Content first");
        assertEquals(0, intents.get(1) & FakeDiscord.MESSAGE_CONTENT_INTENT, "then connected without it");
        backend.thenReport(SampleReports.report(0.9, true, 523));
        Map<String, Object> interaction = fake.slashCommand("cf523", Map.of("target", "example.com"));
        fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT);
    }

    @Test
    void slashCommandIsAnsweredWhileAPastedMessageIsStillBeingChecked() throws Exception {
        connect(false);
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> checkedOn = new AtomicReference<>();
        backend.detectWith(text -> {
            checkedOn.set(Thread.currentThread().getName());
            checking.countDown();
            awaitQuietly(release);
            return false;
        });
        try {
            fake.memberMessage("Error 523 on example.com, Ray ID: 8f3a1b2c3d4e5f60");
            assertTrue(checking.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the paste reached the parser");
            backend.thenReport(SampleReports.report(0.9, true, 523));
            Map<String, Object> interaction = fake.slashCommand("cf523", Map.of("target", "example.com"));
            assertEquals(5, fake.await("POST", FakeDiscord.callbackPath(interaction), WAIT).json().path("type").asInt());
            fake.await("PATCH", FakeDiscord.originalPath(interaction), WAIT);
            assertEquals(1, release.getCount(), "answered while the paste check was still stuck");
        } finally {
            release.countDown();
        }
        assertTrue(checkedOn.get().startsWith("cf-triage-discord-paste-"), "checked on " + checkedOn.get());
    }

    @Test
    void chatterNeverReachesTheParser() throws Exception {
        connect(false);
        List<String> parsed = new CopyOnWriteArrayList<>();
        CountDownLatch sentinel = new CountDownLatch(1);
        backend.detectWith(text -> {
            parsed.add(text);
            if (text.contains("sentinel")) {
                sentinel.countDown();
            }
            return false;
        });
        fake.memberMessage("Σ".repeat(4_000));
        fake.memberMessage("good morning, 2 of 3 servers are fine");
        fake.memberMessage("Error 523 is back");
        fake.memberMessage("Error 522 sentinel");
        assertTrue(sentinel.await(WAIT.toSeconds(), TimeUnit.SECONDS), "messages are checked in order");
        assertEquals(List.of("Error 523 is back", "Error 522 sentinel"), parsed, "only messages naming a code were parsed");
    }

    @Test
    void everyMessageSentOrEditedMentionsNoOne() throws Exception {
        connect(false);
        backend.thenReport(withSixCauses(i -> SampleReports.cause("@everyone look " + i, 0.8, true)));
        Map<String, Object> report = fake.slashCommand("cf523", Map.of("target", "example.com"));
        FakeDiscord.Exchange edit = fake.await("PATCH", FakeDiscord.originalPath(report), WAIT);
        String threadId = fake.await("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/"
                + edit.responseJson().path("id").asText() + "/threads", WAIT).responseJson().path("id").asText();
        fake.await("POST", "/api/v10/channels/" + threadId + "/messages", WAIT);
        fake.await("POST", FakeDiscord.callbackPath(fake.buttonPress(buttonId(edit, DiscordEventHandler.BUNDLE),
                edit.responseJson().path("id").asText(), FakeDiscord.CHANNEL_ID)), WAIT);

        backend.thenFail(new BusyException(Duration.ofSeconds(5)));
        Map<String, Object> busy = fake.slashCommand("cf524", Map.of("target", "example.com"));
        fake.await("POST", "/api/v10/webhooks/" + FakeDiscord.APP_ID + "/" + busy.get("token"), WAIT);

        backend.admitWith(new Admission.Limited("user", Duration.ofSeconds(12)));
        fake.await("POST", FakeDiscord.callbackPath(fake.slashCommand("cf521", Map.of("target", "example.com"))), WAIT);
        backend.admitWith(new Admission.Admitted());
        fake.await("POST", FakeDiscord.callbackPath(fake.messageCommand(DiscordEventHandler.MESSAGE_COMMAND, "")), WAIT);

        backend.thenReport(SampleReports.report(0.9, true, 523));
        String pasted = fake.memberMessage("Error 523 on example.com @here");
        String pasteThread = fake.await("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + pasted
                + "/threads", WAIT).responseJson().path("id").asText();
        fake.await("POST", "/api/v10/channels/" + pasteThread + "/messages", WAIT);
        backend.thenFail(new BusyException(Duration.ofSeconds(5)));
        fake.memberMessage("Error 522 on example.com");
        fake.await("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages", WAIT);

        Map<String, Integer> kinds = new TreeMap<>();
        for (FakeDiscord.Exchange e : fake.exchanges()) {
            String kind = messageKind(e);
            if (kind != null) {
                kinds.merge(kind, 1, Integer::sum);
                JsonNode message = e.path().endsWith("/callback") ? e.json().path("data") : e.json();
                JsonNode mentions = message.path("allowed_mentions");
                assertAll(kind + " " + e.path() + ": " + mentions,
                        () -> assertTrue(mentions.path("parse").isArray() && mentions.path("parse").isEmpty()),
                        () -> assertTrue(mentions.path("users").isMissingNode() && mentions.path("roles").isMissingNode()),
                        () -> assertFalse(mentions.path("replied_user").asBoolean(true)));
            }
        }
        assertEquals(List.of("channel message", "edit of the original response", "follow-up", "interaction reply"),
                List.copyOf(kinds.keySet()), "every kind of send and edit was seen and checked: " + kinds);
    }

    /** What kind of message a REST call sends or edits, or null when it sends none (a deferral, a thread …). */
    private static String messageKind(FakeDiscord.Exchange e) {
        if (e.method().equals("PATCH") && e.path().endsWith("/messages/@original")) {
            return "edit of the original response";
        }
        if (!e.method().equals("POST")) {
            return null;
        }
        if (e.path().matches("/api/v10/channels/\\d+/messages")) {
            return "channel message";
        }
        if (e.path().matches("/api/v10/webhooks/\\d+/[^/]+")) {
            return "follow-up";
        }
        if (e.path().endsWith("/callback")) {
            int type = e.json().path("type").asInt();
            assertTrue(type == 4 || type == 5 && !e.json().path("data").has("content"), e.body());
            return type == 4 ? "interaction reply" : null;
        }
        return null;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A 523 report with six causes, too many for one embed, so its details go to a thread. */
    private static TriageReport withSixCauses(IntFunction<Cause> cause) {
        TriageReport base = SampleReports.report(0.9, true, 523);
        List<Cause> causes = IntStream.range(0, 6).mapToObj(cause).toList();
        return new TriageReport(base.input(), base.code(), base.edge(), base.probes(), causes, base.steps(),
                true, base.notes(), base.startedAt(), base.evidenceAt(), base.elapsedMs());
    }

    private static String buttonId(FakeDiscord.Exchange report, String prefix) {
        return report.json().findValuesAsText("custom_id").stream().filter(id -> id.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " button in " + report.body()));
    }
}
