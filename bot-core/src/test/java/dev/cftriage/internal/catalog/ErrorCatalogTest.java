package dev.cftriage.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ErrorCatalogTest {
    private static final List<Integer> REQUIRED_CODES = List.of(500, 502, 503, 504, 520, 521, 522, 523, 524, 525, 526,
            527, 530, 1000, 1001, 1002, 1003, 1004, 1014, 1016, 1033);

    private static final Set<String> PLACEHOLDERS = Set.of("host", "address", "port", "addresses", "ports", "expiry",
            "names", "issuer", "status", "resolver", "nameservers", "cnameChain", "headerBytes", "largestHeaderBytes",
            "elapsedMs", "timeoutMs", "category", "colo", "rayId", "server", "problem", "mode",
            "incident", "scheme", "servername");

    private static final Set<String> SIDES = Set.of("origin", "cloudflare", "dns", "network", "visitor", "either");
    private static final Pattern BRACED = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ErrorCatalog catalog = ErrorCatalog.load();

    @Test
    void bundledCatalogHasEveryRequiredCode() {
        for (int code : REQUIRED_CODES) {
            assertTrue(catalog.code(code).isPresent(), "code " + code + " is missing");
        }
    }

    @Test
    void everyCandidateCauseOfEveryCodeResolves() {
        for (CodeEntry code : catalog.codes()) {
            assertFalse(code.causes().isEmpty(), code.code() + " lists no cause");
            for (CandidateCause candidate : code.causes()) {
                assertTrue(catalog.cause(candidate.id()).isPresent(), code.code() + " lists unknown " + candidate.id());
            }
        }
    }

    @Test
    void everyCauseIsListedByAtLeastOneCode() {
        Set<String> listed = new HashSet<>();
        catalog.codes().forEach(c -> c.causes().forEach(cc -> listed.add(cc.id())));
        for (CauseEntry cause : catalog.causes()) {
            assertTrue(listed.contains(cause.id()), cause.id() + " is listed by no code");
        }
    }

    @Test
    void catalogRejectsACodeThatNamesAnUnknownCause() {
        CodeEntry code = new CodeEntry(521, "t", "m", "origin", List.of(new CandidateCause("no-such-cause", 0.5)),
                List.of("o"), List.of("v"), List.of("s"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ErrorCatalog(List.of(code), List.of()));
        assertTrue(e.getMessage().contains("no-such-cause"), e.getMessage());
    }

    @Test
    void catalogRejectsACodeGivenTwice() {
        CodeEntry first = new CodeEntry(521, "t", "m", "origin", List.of(), List.of(), List.of(), List.of());
        CodeEntry again = new CodeEntry(521, "t2", "m2", "origin", List.of(), List.of(), List.of(), List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ErrorCatalog(List.of(first, again), List.of()));
        assertTrue(e.getMessage().contains("521"), e.getMessage());
    }

    @Test
    void catalogRejectsACauseIdGivenTwice() {
        CauseEntry first = new CauseEntry("origin-refused", "t", "e", List.of(), false);
        CauseEntry again = new CauseEntry("origin-refused", "t2", "e2", List.of(), false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ErrorCatalog(List.of(), List.of(first, again)));
        assertTrue(e.getMessage().contains("origin-refused"), e.getMessage());
    }

    @Test
    void codesAndCausesKeepTheOrderTheyWereGiven() {
        CauseEntry b = new CauseEntry("b-cause", "t", "e", List.of(), false);
        CauseEntry a = new CauseEntry("a-cause", "t", "e", List.of(), false);
        CodeEntry c523 = new CodeEntry(523, "t", "m", "origin", List.of(), List.of(), List.of(), List.of());
        CodeEntry c521 = new CodeEntry(521, "t", "m", "origin", List.of(), List.of(), List.of(), List.of());

        ErrorCatalog catalog = new ErrorCatalog(List.of(c523, c521), List.of(b, a));

        assertEquals(List.of(c523, c521), catalog.codes());
        assertEquals(List.of(b, a), catalog.causes());
        assertEquals(c521, catalog.code(521).orElseThrow());
        assertEquals(a, catalog.cause("a-cause").orElseThrow());
    }

    @Test
    void causeIdsAreKebabCaseAndUniqueInTheFile() throws IOException {
        List<String> ids = new ArrayList<>();
        raw("/catalog/causes.json").get("causes").forEach(c -> ids.add(c.get("id").asText()));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate cause ids in " + ids);
        ids.forEach(id -> assertTrue(KEBAB.matcher(id).matches(), id + " is not kebab-case"));
    }

    @Test
    void codesAreUniqueInTheFile() throws IOException {
        List<Integer> codes = new ArrayList<>();
        raw("/catalog/codes.json").get("codes").forEach(c -> codes.add(c.get("code").asInt()));
        assertEquals(codes.size(), new HashSet<>(codes).size(), "duplicate codes in " + codes);
    }

    @Test
    void fixStepsUseOnlyTheAllowedPlaceholders() {
        for (CauseEntry cause : catalog.causes()) {
            for (String step : cause.fix()) {
                Matcher m = BRACED.matcher(step);
                while (m.find()) {
                    assertTrue(PLACEHOLDERS.contains(m.group(1)), cause.id() + " uses {" + m.group(1) + "}: " + step);
                }
                String outside = BRACED.matcher(step).replaceAll("");
                assertFalse(outside.contains("{") || outside.contains("}"), cause.id() + " has a stray brace: " + step);
            }
        }
    }

    @Test
    void placeholdersAppearOnlyInStepsThatAreFilled() {
        Stream<String> fixed = Stream.concat(
                catalog.causes().stream().flatMap(c -> Stream.of(c.title(), c.explanation())),
                catalog.codes().stream().flatMap(c -> Stream.of(c.title(), c.meaning())));
        fixed.forEach(text -> assertFalse(text.contains("{") || text.contains("}"), "placeholder outside a step: " + text));
    }

    @Test
    void noCatalogTextCarriesARawSlotForTheReaderToFill() {
        Stream<String> all = Stream.concat(
                catalog.causes().stream().flatMap(c -> Stream.concat(Stream.of(c.title(), c.explanation()), c.fix().stream())),
                catalog.codes().stream().flatMap(c -> Stream.concat(Stream.of(c.title(), c.meaning()),
                        Stream.of(c.owner(), c.visitor(), c.support()).flatMap(List::stream))));
        all.forEach(text -> assertFalse(text.matches("(?s).*<[A-Za-z][A-Za-z ]*>.*"), "raw slot in: " + text));
    }

    @Test
    void noTextIsEmpty() {
        for (CauseEntry cause : catalog.causes()) {
            assertFilled(cause.id(), Stream.concat(Stream.of(cause.title(), cause.explanation()), cause.fix().stream()));
            assertFalse(cause.fix().isEmpty(), cause.id() + " has no fix step");
        }
        for (CodeEntry code : catalog.codes()) {
            assertFilled("code " + code.code(), Stream.of(List.of(code.title(), code.meaning()), code.owner(), code.visitor(),
                    code.support()).flatMap(List::stream));
        }
    }

    @Test
    void everyCodeHasOwnerVisitorAndSupportSteps() {
        for (CodeEntry code : catalog.codes()) {
            assertFalse(code.owner().isEmpty(), code.code() + " has no owner steps");
            assertFalse(code.visitor().isEmpty(), code.code() + " has no visitor steps");
            assertFalse(code.support().isEmpty(), code.code() + " has no support steps");
        }
    }

    @Test
    void everyCodeNamesAKnownSideAndRanksItsCausesByPrior() {
        for (CodeEntry code : catalog.codes()) {
            assertTrue(SIDES.contains(code.side()), code.code() + " has side " + code.side());
            double previous = 1;
            for (CandidateCause candidate : code.causes()) {
                assertTrue(candidate.prior() > 0 && candidate.prior() <= 1, code.code() + " " + candidate);
                assertTrue(candidate.prior() <= previous, code.code() + " is not ordered most likely first at " + candidate.id());
                previous = candidate.prior();
            }
        }
    }

    @Test
    void codesStateCloudflaresLimits() {
        assertTrue(catalog.code(520).orElseThrow().meaning().contains("16 KB"));
        assertTrue(catalog.code(520).orElseThrow().meaning().contains("32 KB"));
        assertTrue(catalog.code(522).orElseThrow().meaning().contains("15 to 19 seconds"));
        assertTrue(catalog.code(524).orElseThrow().meaning().contains("100 seconds"));
        assertTrue(catalog.code(524).orElseThrow().meaning().contains("6000 seconds"));
    }

    @Test
    void likeliestCausesMatchWhatCloudflareDocuments() {
        CodeEntry code521 = catalog.code(521).orElseThrow();
        assertEquals("origin-refused", code521.causes().get(0).id());
        assertTrue(code521.prior("firewall-blocks-cloudflare") > code521.prior("origin-no-https"));
        assertEquals(0, code521.prior("tls-cert-expired"));
        assertEquals("tunnel-down", catalog.code(1033).orElseThrow().causes().get(0).id());
    }

    private static void assertFilled(String where, Stream<String> texts) {
        texts.forEach(t -> assertTrue(t != null && !t.isBlank(), where + " has an empty text"));
    }

    private static JsonNode raw(String resource) throws IOException {
        try (InputStream in = ErrorCatalogTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
