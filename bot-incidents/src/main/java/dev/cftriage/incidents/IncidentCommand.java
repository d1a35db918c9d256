package dev.cftriage.incidents;

import java.util.Optional;

/**
 * The incident-mode words of the {@code /cftriage} command, the same on every platform: {@code watch HOST},
 * {@code stop HOST}, {@code timeline HOST [--json]} and {@code incidents}. Anything else is a triage request.
 */
public sealed interface IncidentCommand {

    /** {@code watch HOST}: start a watch of the host's open incident. */
    record Watch(String host) implements IncidentCommand {
    }

    /** {@code stop HOST}: stop the watch of the host's open incident. */
    record Stop(String host) implements IncidentCommand {
    }

    /** {@code timeline HOST [--json]}: show the host's incident timeline, as text or JSON. */
    record ShowTimeline(String host, boolean json) implements IncidentCommand {
    }

    /** {@code incidents}: list the open incidents. */
    record ListIncidents() implements IncidentCommand {
    }

    /**
     * The incident command the text spells, or empty when it is a triage request. The first word is matched in
     * ASCII lower case; a command word without its host is a one-line {@link IllegalArgumentException}.
     */
    static Optional<IncidentCommand> parse(String text) {
        String[] words = text == null ? new String[0] : text.strip().split("\\s+", 4);
        if (words.length == 0 || words[0].isEmpty() || words[0].length() > 10) {
            return Optional.empty();
        }
        String verb = Texts.hostKey(words[0]);
        if (verb.equals("incidents") && words.length == 1) {
            return Optional.of(new ListIncidents());
        }
        if (!verb.equals("watch") && !verb.equals("stop") && !verb.equals("timeline")) {
            return Optional.empty();
        }
        if (words.length < 2) {
            throw new IllegalArgumentException("`" + verb + "` needs a host, e.g. `/cftriage " + verb + " example.com`");
        }
        String host = words[1];
        return Optional.of(switch (verb) {
            case "watch" -> new Watch(host);
            case "stop" -> new Stop(host);
            default -> new ShowTimeline(host, words.length > 2 && words[2].equals("--json"));
        });
    }
}
