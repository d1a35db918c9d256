package dev.cftriage.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The words incident mode posts, plain text (the platform escapes them). Stateless. */
final class PostTexts {
    private PostTexts() {
    }

    static String watching(String host, IncidentSettings s, Requester who) {
        return "Watching " + host + " every " + TimelineText.duration(s.interval()) + " (every "
                + TimelineText.duration(s.intervalAt(s.slowAfter())) + " after " + TimelineText.duration(s.slowAfter())
                + ") until it recovers, for at most " + TimelineText.duration(s.maxDuration())
                + ". This thread hears only of changes. Started by " + who + ".";
    }

    static String change(Instant at, Instant openedAt, List<String> changes, ReportState now) {
        StringBuilder out = new StringBuilder("Changed at ").append(TimelineText.utc(at)).append(" (+")
                .append(TimelineText.duration(Duration.between(openedAt, at))).append("):\n");
        changes.forEach(line -> out.append("- ").append(line).append('\n'));
        return out.append("Now: ").append(now.verdict()).toString();
    }

    static String recovered(String host, Instant recoveredAt, Instant openedAt) {
        return "Recovered: " + host + " answers again since " + TimelineText.utc(recoveredAt)
                + " (the edge, if proxied, answers without a 5xx and the probes that failed pass, twice in a row)."
                + " The outage lasted " + TimelineText.duration(Duration.between(openedAt, recoveredAt))
                + " (since " + TimelineText.utc(openedAt) + "). Watch ended.";
    }

    static String stopped(Requester who) {
        return "Stopped watching (by " + who + "). The incident stays open until it recovers or is closed.";
    }

    static String gaveUp(String host, IncidentSettings s, ReportState state) {
        return "Stopped watching after " + TimelineText.duration(s.maxDuration()) + " (watch.maxDuration): " + host
                + " had not recovered. Last verdict: " + state.verdict();
    }

    static String rootStatus(RootStatus status, String host) {
        return switch (status) {
            case WATCHING -> "Watching " + host;
            case RECOVERED -> "Recovered: " + host;
            case STOPPED -> "Not watched: " + host;
            case GAVE_UP -> "Watch gave up: " + host;
        };
    }
}
