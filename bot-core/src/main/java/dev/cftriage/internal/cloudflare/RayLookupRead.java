package dev.cftriage.internal.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.RayFacts;
import dev.cftriage.internal.evidence.ZoneFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;

/**
 * Looks a Ray ID up in the GraphQL Analytics API ({@code cf-api-ray}): the edge's and the origin's status, the
 * origin address, the data centre and the timings. The window is 15 minutes either side of the paste's time, or
 * the last day when the paste has none. The data is sampled: not found is inconclusive. Immutable and thread-safe.
 */
final class RayLookupRead implements ApiRead {
    private static final Duration AROUND = Duration.ofMinutes(15);
    private static final Duration RECENT = Duration.ofDays(1);

    private final String rayId;
    private final Instant time;
    private final Instant now;

    /**
     * @param time when the paste says the error happened, or null
     * @param now the current time, the end of the window when the paste has no time
     */
    RayLookupRead(String rayId, Instant time, Instant now) {
        this.rayId = rayId;
        this.time = time;
        this.now = now;
    }

    @Override
    public RayFacts read(CloudflareApi api, ZoneFacts zone, ProbeContext context) throws InterruptedException {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant since = time == null ? end.minus(RECENT) : time.minus(AROUND);
        Instant until = time == null ? end : time.plus(AROUND);
        JsonNode row = Answers.await(api.request(zone.zoneId(), rayId, since, until), context, "the Ray ID lookup");
        if (row == null) {
            return RayFacts.notFound(rayId);
        }
        return new RayFacts(rayId, true, instant(row.path("datetime").asText(null)), row.path("coloCode").asText(null),
                row.path("clientRequestHTTPHost").asText(null), row.path("clientRequestPath").asText(null),
                integer(row, "edgeResponseStatus"), integer(row, "originResponseStatus"),
                row.path("originIP").asText(null), number(row, "edgeTimeToFirstByteMs"), number(row, "originResponseDurationMs"));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(JsonNode row, String field) {
        return row.path(field).isNumber() ? row.path(field).intValue() : null;
    }

    private static Long number(JsonNode row, String field) {
        return row.path(field).isNumber() ? row.path(field).longValue() : null;
    }
}
