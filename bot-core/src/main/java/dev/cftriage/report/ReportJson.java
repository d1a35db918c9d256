package dev.cftriage.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of a report: the public contract read by external checks, written through its own types
 * ({@link JsonReport}). Instants are ISO-8601 strings, unknown values are null, enums use their stable ids, maps are
 * in key order. Thread-safe.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReportJson() {
    }

    /** The report as pretty-printed JSON. */
    public static String write(TriageReport report) {
        try {
            return MAPPER.writeValueAsString(JsonReport.of(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is always serialisable", e);
        }
    }
}
