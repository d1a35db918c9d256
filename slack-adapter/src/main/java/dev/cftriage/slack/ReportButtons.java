package dev.cftriage.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.input.BadInputException;
import dev.cftriage.TriageRequest;
import dev.cftriage.report.InputSummary;
import dev.cftriage.report.TriageReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The buttons under a report and the request they carry. A button's value holds a compact request rebuilt from
 * the report (URL or host, Ray ID, origins, code), so that "Re-run probes", "Show all causes" and "Support bundle"
 * work after a restart, when the report itself is gone. Thread-safe.
 */
final class ReportButtons {
    /** The action id of "Re-run probes". */
    static final String RERUN = "cftriage_rerun";
    /** The action id of "Show all causes". */
    static final String CAUSES = "cftriage_causes";
    /** The action id of "Support bundle". */
    static final String BUNDLE = "cftriage_bundle";
    /** Slack's limit on a button's value. */
    static final int MAX_VALUE_CHARS = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportButtons() {
    }

    /** The request a re-run of this report makes, as a button value of at most {@link #MAX_VALUE_CHARS}. */
    static String value(TriageReport report) {
        InputSummary in = report.input();
        StringBuilder text = new StringBuilder(in.url() != null ? in.url() : in.host() == null ? "" : in.host());
        if (in.rayId() != null) {
            text.append(' ').append(in.rayId()).append(in.colo() == null ? "" : "-" + in.colo());
        }
        List<String> origins = new ArrayList<>(in.origins());
        String value = encode(new ButtonRequest(clip(text.toString()), in.code(), origins));
        while (value.length() > MAX_VALUE_CHARS && !origins.isEmpty()) {
            origins.remove(origins.size() - 1);
            value = encode(new ButtonRequest(clip(text.toString()), in.code(), origins));
        }
        String kept = clip(text.toString());
        while (value.length() > MAX_VALUE_CHARS) {
            kept = kept.substring(0, Math.max(0, kept.length() - (value.length() - MAX_VALUE_CHARS)));
            value = encode(new ButtonRequest(kept, in.code(), origins));
        }
        return value;
    }

    /**
     * The request a button value carries.
     *
     * @throws BadInputException when the value is not one this class wrote
     */
    static TriageRequest request(String value) {
        try {
            ButtonRequest b = JSON.readValue(value, ButtonRequest.class);
            return new TriageRequest(b.t(), b.c(), b.o());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadInputException("this button belongs to an older report; run the command again");
        }
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static String encode(ButtonRequest request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON shape of a button value: short names to stay far below Slack's limit. */
    private record ButtonRequest(String t, Integer c, List<String> o) {
    }
}
