package dev.cftriage.incidents;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What both bots answer for incident mode, as plain text (one item a line) that each platform escapes: the
 * incident commands run against the desk, and the answer to a triage of a host with an open incident. Calls block on
 * the database; run them on the bot's work threads. Thread-safe.
 */
public final class IncidentReplies {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final List<String> WORDS = List.of("watch", "stop", "timeline", "incidents");

    private final IncidentDesk desk;

    public IncidentReplies(IncidentDesk desk) {
        this.desk = desk;
    }

    /**
     * The reply to an incident command in the text, or empty when the text is a triage request (a command word
     * without its host is answered with how to use it).
     */
    public Optional<String> command(String text, Requester who) {
        Optional<IncidentCommand> command;
        try {
            command = IncidentCommand.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return command.map(c -> run(c, who));
    }

    private String run(IncidentCommand command, Requester who) {
        try {
            if (command instanceof IncidentCommand.Watch w) {
                return watch(w.host(), who);
            }
            if (command instanceof IncidentCommand.Stop s) {
                return stop(s.host(), who);
            }
            if (command instanceof IncidentCommand.ShowTimeline t) {
                return timeline(t.host(), t.json(), who);
            }
            return incidents();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Whether the text starts with an incident word (watch, stop, timeline, incidents), decided without the database. */
    public static boolean isIncidentWord(String text) {
        String first = text == null ? "" : text.strip().split("\\s+", 2)[0];
        return WORDS.stream().anyMatch(first::equalsIgnoreCase);
    }

    /** Starts a watch; the answer for the person who asked (the incident's thread is told by the desk). */
    public String watch(String host, Requester who) {
        return watchAnswer(desk.watch(host, who));
    }

    /** The answer for the person who asked for a watch, given how it went. */
    public String watchAnswer(WatchStart start) {
        if (start instanceof WatchStart.Started s) {
            return "Watching " + s.incident().host() + link(s.incident()) + ".";
        }
        if (start instanceof WatchStart.AlreadyWatching a) {
            return a.incident().host() + " is already being watched" + link(a.incident()) + ".";
        }
        return "No watch started: " + ((WatchStart.Refused) start).reason();
    }

    /** Stops a watch; the answer for the person who asked. */
    public String stop(String host, Requester who) {
        return desk.stopWatching(host, who) ? "Stopped watching " + Texts.hostKey(host) + "."
                : "No watch of " + Texts.hostKey(host) + " is running.";
    }

    /** The host's timeline as text (or JSON), recording in it who asked. */
    public String timeline(String host, boolean json, Requester who) {
        Optional<Timeline> timeline = desk.timeline(host);
        if (timeline.isEmpty()) {
            return Texts.hostKey(host) + " has had no incident.";
        }
        desk.recordAction(host, who, "Timeline");
        return json ? TimelineText.json(timeline.get()) : TimelineText.text(timeline.get());
    }

    /** The open incidents, one a line: host, since, verdict, link. */
    public String incidents() {
        List<IncidentSummary> open = desk.openIncidents();
        if (open.isEmpty()) {
            return "No open incidents.";
        }
        StringBuilder out = new StringBuilder("Open incidents:\n");
        for (IncidentSummary s : open) {
            out.append("- ").append(s.host()).append(" since ").append(UTC.format(s.since())).append(": ")
                    .append(s.verdict()).append(s.watched() ? " (watched)" : "").append(link(s)).append('\n');
        }
        return out.toString().strip();
    }

    /** The answer to a triage of a host with an open incident: no probe run, the verdict and the thread's link. */
    public static String joined(IncidentSummary incident) {
        return "An incident for " + incident.host() + " is open since " + UTC.format(incident.since())
                + " (" + (incident.watched() ? "watched" : "not watched") + "). Current verdict: " + incident.verdict()
                + ". Follow it in its thread" + (incident.link() == null ? "." : ": " + incident.link());
    }

    private static String link(IncidentSummary incident) {
        return incident.link() == null ? "" : " — " + incident.link();
    }
}
