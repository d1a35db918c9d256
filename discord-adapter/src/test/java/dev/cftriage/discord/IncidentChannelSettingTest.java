package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code DISCORD_INCIDENT_CHANNEL} as an id or a name, looked up among the channels the bot can post in. */
class IncidentChannelSettingTest {
    private static final IncidentChannelSetting.Channel INCIDENTS = new IncidentChannelSetting.Channel("1", "11", "incidents");
    private static final IncidentChannelSetting.Channel SHOUTED = new IncidentChannelSetting.Channel("2", "22", "INCIDENTS");
    private static final IncidentChannelSetting.Channel HELP = new IncidentChannelSetting.Channel("1", "12", "help-desk");

    @Test
    void anIdIsTakenAsGivenWithoutWaitingForTheSession() {
        IncidentChannelSetting.Channel channel = IncidentChannelSetting.resolve("1100000000000000099", null,
                new CompletableFuture<>()).join();

        assertEquals(new IncidentChannelSetting.Channel("@me", "1100000000000000099", null), channel);
    }

    @Test
    void theExactNameWinsOverOneThatDiffersOnlyInCase() {
        assertEquals(INCIDENTS, IncidentChannelSetting.choose("incidents", List.of(HELP, SHOUTED, INCIDENTS)));
        assertEquals(SHOUTED, IncidentChannelSetting.choose("INCIDENTS", List.of(HELP, SHOUTED, INCIDENTS)));
    }

    @Test
    void withAGuildConfiguredAChannelOfTheSameNameInAnotherGuildIsNotACandidate() {
        IncidentChannelSetting.Channel elsewhere = new IncidentChannelSetting.Channel("999", "1100000000000000777", "incidents");
        List<IncidentChannelSetting.Channel> seen = List.of(elsewhere, INCIDENTS);

        assertEquals(INCIDENTS, IncidentChannelSetting.choose("incidents",
                IncidentChannelSetting.inGuild(seen, INCIDENTS.guildId())));
        assertThrows(IncidentChannelSetting.Unresolved.class,
                () -> IncidentChannelSetting.choose("incidents", IncidentChannelSetting.inGuild(seen, null)));
    }

    @Test
    void aNameInAnotherCaseFindsTheOneChannelSoNamed() {
        assertEquals(HELP, IncidentChannelSetting.choose("Help-Desk", List.of(INCIDENTS, HELP)));
    }

    @Test
    void noChannelOrSeveralAreOneLineSayingWhatToDo() {
        IncidentChannelSetting.Unresolved none = assertThrows(IncidentChannelSetting.Unresolved.class,
                () -> IncidentChannelSetting.choose("ops\nalerts", List.of(INCIDENTS, HELP)));
        IncidentChannelSetting.Unresolved several = assertThrows(IncidentChannelSetting.Unresolved.class,
                () -> IncidentChannelSetting.choose("Incidents", List.of(INCIDENTS, SHOUTED)));

        assertEquals("DISCORD_INCIDENT_CHANNEL names #ops?alerts, but the bot sees no text channel by that name it can "
                + "post in; invite the bot there or give the channel's id", none.getMessage());
        assertEquals("DISCORD_INCIDENT_CHANNEL names #Incidents, which 2 text channels are called (ids 11, 22); give the "
                + "channel's id instead", several.getMessage());
        assertFalse(several.getMessage().contains("\n"));
    }

    @Test
    void aNameIsLookedUpOnlyOnceTheSessionIsReady() {
        CompletableFuture<net.dv8tion.jda.api.JDA> ready = new CompletableFuture<>();

        CompletableFuture<IncidentChannelSetting.Channel> channel = IncidentChannelSetting.resolve("#incidents", "1", ready);

        assertFalse(channel.isDone());
        ready.completeExceptionally(new IllegalStateException("the Discord session ended"));
        assertTrue(channel.isCompletedExceptionally());
    }
}
