package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.report.TriageReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every file of the real-world corpus under {@code src/test/resources/real-pages/} (see its README for the
 * sources and attribution) and checks every field {@code expected.json} gives for it. Each file is parsed as of the
 * end of the period its README row says it was captured in, so that the frozen-date check judges the page against
 * the time it was pasted, not against the day the test runs. {@code diag} is the code an offline triage reports.
 */
class RealPagesCorpusTest {
    private static final String DIR = "/real-pages/";
    private static final JsonNode EXPECTED = json(text("expected.json"));
    private static final Map<String, Instant> CAPTURED = capturedAt(text("README.md"));
    private static CfTriage offline;

    @BeforeAll
    static void startOfflineEngine() {
        offline = CfTriage.create(TriageConfig.defaults().toBuilder().offline(true).build());
    }

    @AfterAll
    static void closeOfflineEngine() {
        offline.close();
    }

    static Stream<String> files() {
        List<String> names = new ArrayList<>();
        EXPECTED.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("_")) {
                names.add(name);
            }
        });
        return names.stream();
    }

    @Test
    void theCorpusHasTwentyFiveFilesEachWithACaptureDate() {
        assertEquals(25, files().count());
        files().forEach(name -> assertTrue(CAPTURED.containsKey(name), "no capture date in README.md for " + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyFieldReadsAsACarefulReaderWouldReadIt(String name) {
        JsonNode expected = EXPECTED.get(name);
        String paste = text(name);
        ParsedPaste p = PasteParser.parse(paste, CAPTURED.get(name));
        List<String> misread = new ArrayList<>();
        check(misread, expected, "code", p.code());
        check(misread, expected, "errorCode", p.errorCode());
        check(misread, expected, "rayId", p.rayId());
        check(misread, expected, "colo", p.colo());
        check(misread, expected, "host", p.host());
        check(misread, expected, "time", p.time() == null ? null : p.time().toString());
        check(misread, expected, "visitorIp", p.visitorIp());
        check(misread, expected, "suspicious", p.suspicious());
        generator(misread, expected, p);
        TriageReport report = offline.run(TriageRequest.of(paste));
        check(misread, expected, "diag", report.code() == null ? null : report.code().code());
        if (expected.path("nearmiss").asBoolean()) {
            boolean cloudflare5xx = p.code() != null && p.code() >= 500 && p.code() <= 599
                    && p.generator() == Generator.CLOUDFLARE && !p.suspicious();
            if (cloudflare5xx) {
                misread.add("near-miss read as a Cloudflare " + p.code());
            }
        }
        assertTrue(misread.isEmpty(), () -> name + ": " + String.join("; ", misread) + "\n  warnings: " + p.warnings());
    }

    private static void generator(List<String> misread, JsonNode expected, ParsedPaste p) {
        String want = expected.path("generator").asText();
        boolean ok = want.equals("origin-or-suspicious")
                ? p.generator() != Generator.CLOUDFLARE || p.suspicious()
                : want.equals(p.generator().id());
        if (!ok) {
            misread.add("generator: expected " + want + ", read " + p.generator().id());
        }
    }

    /** Compares a field with its expectation: a value, null, or a list of acceptable values; absent means unchecked. */
    private static void check(List<String> misread, JsonNode expected, String field, Object actual) {
        JsonNode want = expected.get(field);
        if (want == null) {
            return;
        }
        List<JsonNode> accepted = new ArrayList<>();
        if (want.isArray()) {
            want.forEach(accepted::add);
        } else {
            accepted.add(want);
        }
        boolean ok = accepted.stream().anyMatch(a -> a.isNull() ? actual == null
                : actual != null && Objects.equals(a.asText(), String.valueOf(actual)));
        if (!ok) {
            misread.add(field + ": expected " + want + ", read " + actual);
        }
    }

    /**
     * The end of the capture period in the README's table ({@code 2015-04-27}, {@code 2017-09}, {@code 2025 (…)}),
     * keyed by file name.
     */
    private static Map<String, Instant> capturedAt(String readme) {
        Map<String, Instant> captured = new HashMap<>();
        for (String line : readme.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].strip().matches("\\d\\d-.*")) {
                continue;
            }
            String period = cells[3].strip().split(" ")[0];
            Instant end = switch (period.length()) {
                case 10 -> LocalDate.parse(period).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case 7 -> YearMonth.parse(period).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case 4 -> LocalDate.of(Integer.parseInt(period) + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                default -> throw new IllegalStateException("unreadable capture period '" + period + "' in " + line);
            };
            captured.put(cells[1].strip(), end.minusSeconds(1));
        }
        return captured;
    }

    private static String text(String name) {
        try (InputStream in = RealPagesCorpusTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
