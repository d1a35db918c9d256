package dev.cftriage.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cftriage.TriageRequest;
import dev.cftriage.parse.ParsedPaste;
import dev.cftriage.parse.PasteParser;
import dev.cftriage.probe.ProbeResult;
import dev.cftriage.report.TriageReport;
import dev.cftriage.service.Admission;
import dev.cftriage.service.TriageService;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link TriageBackend} over bot-core's {@link TriageService}. Paste detection, the comparison and the bundle are
 * thin stand-ins until bot-core's {@code ParsedPaste.describesError()}, {@code ReportDiff} and
 * {@code SupportBundle} land on main; they then replace these bodies. Thread-safe.
 */
final class BotCoreBackend implements TriageBackend {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final TriageService service;

    BotCoreBackend(TriageService service) {
        this.service = service;
    }

    @Override
    public Admission admit(String userKey, String channelKey) {
        return service.admit(userKey, channelKey);
    }

    @Override
    public CompletableFuture<TriageReport> submit(TriageRequest request) {
        return service.submit(request);
    }

    @Override
    public boolean describesError(String text) {
        ParsedPaste paste = PasteParser.parse(text);
        return paste.code() != null || paste.errorCode() != null;
    }

    @Override
    public List<String> changes(TriageReport before, TriageReport after) {
        Map<String, ProbeResult> earlier = before.probes().stream()
                .collect(Collectors.toMap(BotCoreBackend::key, Function.identity(), (a, b) -> a));
        List<String> changes = new ArrayList<>();
        for (ProbeResult now : after.probes()) {
            ProbeResult then = earlier.get(key(now));
            if (then != null && then.status() != now.status()) {
                changes.add(key(now) + ": " + then.status().id() + " → " + now.status().id());
            }
        }
        String topBefore = before.topCause() == null ? null : before.topCause().title();
        String topAfter = after.topCause() == null ? null : after.topCause().title();
        if (!Objects.equals(topBefore, topAfter)) {
            changes.add("likely cause: " + topBefore + " → " + topAfter);
        }
        return changes;
    }

    @Override
    public String supportBundle(TriageReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(ProbeResult probe) {
        return probe.name() + " " + probe.target();
    }
}
