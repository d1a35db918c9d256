package dev.cftriage.incidents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A timeline as text ready for a postmortem (UTC times, the time since the incident opened, who did what, the
 * evidence at each point) and as JSON for tools. Plain text: the platform escapes it. Pure and thread-safe.
 */
public final class TimelineText {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private TimelineText() {
    }

    /** The timeline as text, lines separated by {@code \n}. */
    public static String text(Timeline timeline) {
        StringBuilder out = new StringBuilder("Incident timeline: ").append(timeline.host()).append('\n')
                .append("Opened: ").append(utc(timeline.openedAt())).append('\n');
        if (timeline.closedAt() != null) {
            out.append(timeline.outcome() == null ? "Closed" : capitalised(timeline.outcome())).append(": ")
                    .append(utc(timeline.closedAt())).append(" (lasted ")
                    .append(duration(Duration.between(timeline.openedAt(), timeline.closedAt()))).append(")\n");
        } else {
            out.append("Still open\n");
        }
        out.append("Verdict: ").append(timeline.verdict()).append("\n\n");
        for (TimelineEvent e : timeline.events()) {
            out.append(utc(e.at())).append(" (+").append(duration(Duration.between(timeline.openedAt(), e.at())))
                    .append(") ").append(e.kind().name().toLowerCase(java.util.Locale.ROOT)).append(": ")
                    .append(e.summary());
            if (e.actor() != null) {
                out.append(" — ").append(e.actor());
            }
            out.append('\n');
            e.evidence().forEach(line -> out.append("    - ").append(line).append('\n'));
        }
        return out.toString();
    }

    /** The timeline as pretty-printed JSON; instants are ISO-8601 strings in UTC. */
    public static String json(Timeline timeline) {
        try {
            return JSON.writeValueAsString(timeline);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a timeline is always serialisable", e);
        }
    }

    /** The instant as {@code yyyy-MM-dd HH:mm:ss UTC}. */
    static String utc(Instant at) {
        return UTC.format(at);
    }

    /** A duration for people: {@code 4m 05s}, {@code 2h 03m}, {@code 12s}. */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 3600) {
            return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
