package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per class of misread that real pastes showed (issue 16), each on inputs written for it under
 * {@code src/test/resources/pastes/classes/}, so that the fix holds beyond the corpus files.
 */
class PasteParserRealPasteClassesTest {

    private static ParsedPaste parse(String fixture) {
        return PasteParser.parse(Fixtures.paste("classes/" + fixture));
    }

    private static boolean warns(ParsedPaste p, String part) {
        return p.warnings().stream().anyMatch(w -> w.contains(part));
    }

    @Nested
    class TheCustomErrorPageBox {
        @Test
        void givesTheCodeTheColoThroughItsCityTheHostAndTheVisitorIp() {
            ParsedPaste p = parse("custom-page-box-522-frankfurt.html");
            assertEquals(522, p.code());
            assertEquals("8b2e5f3a1c9d4e7f", p.rayId());
            assertEquals("FRA", p.colo());
            assertEquals("shop.example.com", p.host(), "the box's Requested URL, not the page's social link");
            assertEquals("203.0.113.42", p.visitorIp());
            assertEquals(Generator.CLOUDFLARE, p.generator());
            assertFalse(p.suspicious(), p.warnings()::toString);
        }

        @Test
        void aFragmentWithOnlyARayIdAndAReferenceNumberIsAnError() {
            ParsedPaste p = parse("box-fragment-ray-and-reference.txt");
            assertEquals(1016, p.errorCode());
            assertEquals("6a5b4c3d2e1f0a9b", p.rayId());
            assertEquals(Generator.CLOUDFLARE, p.generator());
            assertTrue(p.describesError());
        }

        @Test
        void aBoxWithADeletedIpGivesNoIpAndKeepsItsCodeAndCity() {
            ParsedPaste p = parse("box-text-ip-deleted-502.txt");
            assertNull(p.visitorIp(), "the 502 after [deleted] is no address");
            assertEquals(502, p.code());
            assertEquals("SIN", p.colo());
            assertEquals(Generator.CLOUDFLARE, p.generator());
        }

        @Test
        void indentedBoxMarkupKeepsItsTags() {
            ParsedPaste p = parse("genuine-indented-box.html");
            assertEquals(521, p.code());
            assertEquals("7c1d0e9f2a3b4c5d", p.rayId());
            assertEquals("LAX", p.colo());
            assertEquals("shop.example.com", p.host());
            assertEquals("198.51.100.7", p.visitorIp());
        }
    }

    @Nested
    class TheRayId {
        @Test
        void isTheRayShapedTokenNearItsLabelNotTheProseAfterIt() {
            ParsedPaste p = parse("ray-label-prose-then-footer.txt");
            assertEquals("1234abcd5678ef90", p.rayId());
            assertEquals("198.51.100.23", p.visitorIp());
            assertFalse(warns(p, "Ray ID '"), p.warnings()::toString);
        }

        @Test
        void isNoneWhenNoRayShapedTokenFollowsTheLabel() {
            ParsedPaste p = parse("ray-label-without-ray.txt");
            assertNull(p.rayId());
            assertEquals(523, p.code());
            assertFalse(p.suspicious(), p.warnings()::toString);
        }
    }

    @Nested
    class CodesGivenByLinksOrWording {
        @Test
        void countWhenNothingElseStatesTheCode() {
            ParsedPaste p = parse("code-only-in-links.txt");
            assertEquals(526, p.code());
            assertEquals("abcdef0123456789", p.rayId());
            assertFalse(p.suspicious(), p.warnings()::toString);
        }

        @Test
        void weighLessThanTheHeading() {
            ParsedPaste p = parse("heading-and-other-link-code.html");
            assertEquals(522, p.code());
            assertFalse(p.suspicious(), p.warnings()::toString);
        }

        @Test
        void includeTheErrorcodeParameterAndItsCampaignHostInPlainText() {
            ParsedPaste p = parse("code-and-host-in-utm-text.txt");
            assertEquals(523, p.code());
            assertEquals("pay.example.com", p.host());
        }
    }

    @Nested
    class TheGenerator {
        @Test
        void isCloudflareForTheErrorRayHeadline() {
            ParsedPaste p = parse("generator-ray-headline.txt");
            assertEquals(502, p.code());
            assertEquals("2b3c4d5e6f708192", p.rayId());
            assertEquals(Instant.parse("2026-04-14T09:41:07Z"), p.time());
            assertEquals(Generator.CLOUDFLARE, p.generator());
        }

        @Test
        void isCloudflareForAJsonBodyMarkedCloudflareErrorEvenWhenCutShort() {
            ParsedPaste p = parse("generator-json-cloudflare-error.txt");
            assertEquals(521, p.code());
            assertEquals("3c2b1a0f9e8d7c6b", p.rayId());
            assertEquals("shop.example.com", p.host());
            assertEquals(Generator.CLOUDFLARE, p.generator());
        }

        @Test
        void isCloudflareForACfRayHeaderWrittenAsTuples() {
            ParsedPaste p = parse("generator-header-tuples.txt");
            assertEquals(522, p.code());
            assertEquals("5e4d3c2b1a0f9e8d", p.rayId());
            assertEquals("NRT", p.colo());
            assertEquals(Instant.parse("2024-05-01T12:00:00Z"), p.time());
            assertEquals(Generator.CLOUDFLARE, p.generator());
        }

        @Test
        void isCloudflareForACfRayHeaderWrittenAsAMap() {
            ParsedPaste p = parse("generator-header-map.txt");
            assertEquals(530, p.code());
            assertEquals("9d8c7b6a5f4e3d2c", p.rayId());
            assertEquals("AMS", p.colo());
            assertEquals("cloudflare", p.headers().get("server"));
            assertEquals(Generator.CLOUDFLARE, p.generator());
        }
    }

    @Nested
    class TheHost {
        @Test
        void isTheRequestTargetNotCurlsReferer() {
            ParsedPaste p = parse("host-curl-referer.txt");
            assertEquals("shop.example.com", p.host());
            assertEquals(520, p.code());
        }

        @Test
        void isThePagesHostBoxRatherThanTheZoneInTheTitle() {
            assertEquals("app.example.com", parse("host-box-over-title-zone.html").host());
        }

        @Test
        void isTheHostTheTitleSaysUsedCloudflareToRestrictAccess() {
            ParsedPaste p = parse("host-restricted-title.html");
            assertEquals("files.example.org", p.host());
            assertEquals(1020, p.errorCode());
        }

        @Test
        void isTheHostAChallengeIsCheckingTheBrowserFor() {
            ParsedPaste p = parse("host-checking-browser.html");
            assertEquals("forum.example.net", p.host());
            assertNull(p.code(), "a challenge is no error");
        }

        @Test
        void isNeverAnUnrelatedLinkOnTheCustomPage() {
            ParsedPaste p = parse("host-unrelated-link-on-custom-page.html");
            assertNull(p.host());
            assertEquals(521, p.code());
            assertEquals("AMS", p.colo());
        }
    }

    @Nested
    class CapturesThatWrapOrPrefixLines {
        @Test
        void consoleOutputPrefixedAndRewrappedIsReadAsThePage() {
            ParsedPaste p = parse("capture-console-prefixed-page.md");
            assertEquals(524, p.code());
            assertEquals("2b3c4d5e6f708192", p.rayId());
            assertEquals("LHR", p.colo());
            assertEquals("data.example.com", p.host());
            assertEquals("192.0.2.150", p.visitorIp());
            assertFalse(p.suspicious(), p.warnings()::toString);
        }

        @Test
        void aListFileWithAPrefixOnEveryLineIsReadAsThePage() {
            ParsedPaste p = parse("capture-list-file-prefixed-page.rsc.txt");
            assertEquals(1101, p.errorCode());
            assertEquals("3c2b1a0f9e8d7c6b", p.rayId());
            assertEquals("api.example.net", p.host());
            assertEquals("198.51.100.200", p.visitorIp());
            assertEquals(Instant.parse("2026-06-21T07:00:10Z"), p.time());
        }

        @Test
        void anAriaSnapshotIsReadAsThePageText() {
            ParsedPaste p = parse("capture-aria-snapshot.md");
            assertEquals(523, p.code());
            assertEquals("8b2e5f3a1c9d4e7f", p.rayId());
            assertEquals("FRA", p.colo());
            assertEquals("www.example.com", p.host());
            assertEquals(Instant.parse("2026-01-18T14:30:00Z"), p.time());
            assertFalse(p.suspicious(), p.warnings()::toString);
        }

        @Test
        void aChunkedRawResponseLosesItsChunkSizes() {
            ParsedPaste p = parse("capture-chunked-raw-http.txt");
            assertEquals(525, p.code());
            assertEquals("1234abcd5678ef90", p.rayId());
            assertEquals("LHR", p.colo());
            assertFalse(p.suspicious(), p.warnings()::toString);
        }

        @Test
        void logLinesThatShareADateKeepIt() {
            ParsedPaste p = parse("genuine-log-lines-sharing-a-date.txt");
            assertEquals(Instant.parse("2026-05-01T12:00:01Z"), p.time());
            assertEquals("shop.example.com", p.host());
            assertEquals("6a5b4c3d2e1f0a9b", p.rayId());
        }

        @Test
        void headerLinesThatShareANameKeepIt() {
            ParsedPaste p = parse("genuine-repeated-header-names.txt");
            assertEquals("a=1", p.headers().get("set-cookie"));
            assertEquals("SIN", p.colo());
        }

        @Test
        void anOriginOnEveryLineKeepsItsKey() {
            ParsedPaste p = parse("genuine-origin-per-line.txt");
            assertEquals(5, p.origins().size(), p.origins()::toString);
            assertEquals("192.0.2.10", p.origins().get(0));
        }

        @Test
        void jsonEscapesAreUndoneOnlyForEscapedMarkup() {
            assertEquals("<p class=\"x\">a\nb</p>", Captures.jsonUnescaped("<p class=\\\"x\\\">a\\nb</p>"));
            String regex = "grep -E \"a\\nb\" <p class=\"x\">";
            assertEquals(regex, Captures.jsonUnescaped(regex), "a paste with raw attribute quotes keeps its backslashes");
        }
    }

    @Nested
    class Fakes {
        @Test
        void aCloudflareStyled5xxPageWithoutARayIdIsSuspicious() {
            ParsedPaste p = parse("fake-styled-5xx-no-ray.html");
            assertTrue(p.suspicious());
            assertTrue(warns(p, "carries no Ray ID"), p.warnings()::toString);
        }

        @Test
        void serverCodeInThePageIsSuspicious() {
            ParsedPaste p = parse("fake-php-template.txt");
            assertTrue(p.suspicious());
            assertTrue(warns(p, "<?php"), p.warnings()::toString);
        }

        @Test
        void anUnfilledTemplatePlaceholderIsSuspicious() {
            ParsedPaste p = parse("fake-mustache-template.html");
            assertTrue(p.suspicious());
            assertTrue(warns(p, "template placeholder"), p.warnings()::toString);
        }

        @Test
        void aCustomPagePlaceholderWithoutTheBoxIsSuspicious() {
            ParsedPaste p = parse("fake-custom-placeholder-without-box.html");
            assertTrue(p.suspicious());
            assertTrue(warns(p, "::CLOUDFLARE_ERROR_"), p.warnings()::toString);
        }

        @Test
        void aCustomPageThatKeepsAnotherPlaceholderBesideItsBoxIsGenuine() {
            ParsedPaste p = parse("genuine-custom-page-with-other-placeholder.html");
            assertFalse(p.suspicious(), p.warnings()::toString);
            assertEquals(521, p.code());
            assertEquals("DFW", p.colo());
            assertEquals("shop.example.com", p.host());
        }

        @ParameterizedTest(name = "pasted {0} days after the page''s time")
        @ValueSource(ints = {8, 400})
        void aPageTimeFarBeforeThePasteIsSuspicious(int days) {
            Instant pageTime = Instant.parse("2026-01-18T14:30:00Z");
            ParsedPaste p = PasteParser.parse(Fixtures.paste("523-page.html"), pageTime.plus(Duration.ofDays(days)));
            assertTrue(p.suspicious());
            assertTrue(warns(p, days + " days before it was pasted"), p.warnings()::toString);
        }

        @Test
        void aPageTimeAfterThePasteIsSuspicious() {
            Instant pageTime = Instant.parse("2026-01-18T14:30:00Z");
            ParsedPaste p = PasteParser.parse(Fixtures.paste("523-page.html"), pageTime.minus(Duration.ofDays(3)));
            assertTrue(warns(p, "after it was pasted"), p.warnings()::toString);
        }

        @Test
        void aPageTimeAnHourBeforeThePasteIsFine() {
            Instant pageTime = Instant.parse("2026-01-18T14:30:00Z");
            ParsedPaste p = PasteParser.parse(Fixtures.paste("523-page.html"), pageTime.plus(Duration.ofHours(1)));
            assertFalse(p.suspicious(), p.warnings()::toString);
        }
    }

    @Nested
    class NearMisses {
        @Test
        void anAccessPageWhoseBoxCarriesACfError522ClassIsNo522() {
            ParsedPaste p = parse("nearmiss-access-forbidden-cf-error-522-class.html");
            assertNull(p.code());
            assertEquals("6a5b4c3d2e1f0a9b", p.rayId());
            assertEquals("203.0.113.9", p.visitorIp());
            assertFalse(p.describesError());
        }

        @Test
        void aChallengeIsNoError() {
            ParsedPaste p = parse("host-checking-browser.html");
            assertNull(p.code());
            assertFalse(p.describesError());
        }

        @Test
        void anOriginsOwnNginx502StaysTheOrigins() {
            ParsedPaste p = PasteParser.parse(Fixtures.paste("502-origin-nginx.txt"));
            assertEquals(502, p.code());
            assertEquals(Generator.ORIGIN, p.generator());
        }
    }
}
