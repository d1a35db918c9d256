package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasteParserFixturesTest {

    private static ParsedPaste parse(String fixture) {
        return PasteParser.parse(Fixtures.paste(fixture));
    }

    @Test
    void cloudflare523PageYieldsEveryField() {
        ParsedPaste p = parse("523-page.html");
        assertEquals(523, p.code());
        assertNull(p.errorCode());
        assertEquals("8b2e5f3a1c9d4e7f", p.rayId());
        assertEquals("Frankfurt", p.coloCity());
        assertEquals("FRA", p.colo());
        assertEquals("example.com", p.host());
        assertEquals(Instant.parse("2026-01-18T14:30:00Z"), p.time());
        assertEquals("203.0.113.42", p.visitorIp());
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.ERROR_PAGE_HTML, p.format());
        assertFalse(p.suspicious(), () -> "warnings: " + p.warnings());
        assertTrue(p.describesError());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "521-page.html, 521, 7c1d0e9f2a3b4c5d, LAX, Los Angeles, shop.example.com, 198.51.100.7, 2026-02-03T08:15:42Z",
            "522-page.html, 522, 6a5b4c3d2e1f0a9b, SIN, Singapore, api.example.org, 192.0.2.150, 2026-03-11T23:59:01Z",
            "520-page.html, 520, 0f1e2d3c4b5a6978, AMS, 'Amsterdam, Netherlands', www.example.net, 203.0.113.9, 2026-04-01T06:00:00Z",
            "525-page.html, 525, 1234abcd5678ef90, LHR, London, secure.example.com, 198.51.100.23, 2026-05-20T12:34:56Z",
            "526-page.html, 526, abcdef0123456789, CDG, Paris, xn--bcher-kva.example.com, 192.0.2.77, 2026-06-30T18:00:00Z"})
    void cloudflare5xxPagesYieldCodeRayCityHostAndTime(String fixture, int code, String ray, String colo, String city,
            String host, String ip, String time) {
        ParsedPaste p = parse(fixture);
        assertEquals(code, p.code());
        assertEquals(ray, p.rayId());
        assertEquals(colo, p.colo());
        assertEquals(city, p.coloCity());
        assertEquals(host, p.host());
        assertEquals(ip, p.visitorIp());
        assertEquals(Instant.parse(time), p.time());
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.ERROR_PAGE_HTML, p.format());
        assertFalse(p.suspicious(), () -> "warnings: " + p.warnings());
    }

    @Test
    void originDnsErrorPageYields1016AndTheHostFromTheTitle() {
        ParsedPaste p = parse("1016-page.html");
        assertEquals(1016, p.errorCode());
        assertNull(p.code());
        assertEquals("9d8c7b6a5f4e3d2c", p.rayId());
        assertEquals("blog.example.com", p.host());
        assertEquals("2001:db8::42", p.visitorIp());
        assertEquals(Instant.parse("2026-07-04T10:20:30Z"), p.time());
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.ERROR_PAGE_HTML, p.format());
        assertFalse(p.suspicious(), () -> "warnings: " + p.warnings());
        assertTrue(p.describesError());
    }

    @Test
    void tunnelErrorPageYields1033() {
        ParsedPaste p = parse("1033-page.html");
        assertEquals(1033, p.errorCode());
        assertEquals("5e4d3c2b1a0f9e8d", p.rayId());
        assertEquals("app.example.com", p.host());
        assertEquals("198.51.100.200", p.visitorIp());
        assertEquals(Generator.CLOUDFLARE, p.generator());
    }

    @Test
    void status530CarriesThe1033FromTheBody() {
        ParsedPaste p = parse("530-1033.txt");
        assertEquals(530, p.code());
        assertEquals(1033, p.errorCode());
        assertEquals("3c2b1a0f9e8d7c6b", p.rayId());
        assertEquals("NRT", p.colo());
        assertEquals("Tokyo, Japan", p.coloCity());
        assertEquals("tunnel.example.com", p.host());
        assertEquals("https://tunnel.example.com/", p.url());
        assertNull(p.port());
        assertEquals("1xxx", p.headers().get("cf-error-type"));
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.ERROR_PAGE_HTML, p.format());
        assertFalse(p.suspicious(), () -> "warnings: " + p.warnings());
    }

    @Test
    void browserCopiedTextYieldsTheFieldsAndNotClickToReveal() {
        ParsedPaste p = parse("523-browser-copy.txt");
        assertEquals(523, p.code());
        assertEquals("8b2e5f3a1c9d4e7f", p.rayId());
        assertEquals("Frankfurt", p.coloCity());
        assertEquals("FRA", p.colo());
        assertEquals("example.com", p.host());
        assertNull(p.visitorIp());
        assertNull(p.url());
        assertEquals(Instant.parse("2026-01-18T14:30:00Z"), p.time());
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.ERROR_PAGE_TEXT, p.format());
        assertFalse(p.suspicious(), () -> "warnings: " + p.warnings());
    }

    @Test
    void curlHeadHttp11YieldsStatusRayColoPortAndDate() {
        ParsedPaste p = parse("522-curl-I-http11.txt");
        assertEquals(522, p.code());
        assertEquals("6a5b4c3d2e1f0a9b", p.rayId());
        assertEquals("SIN", p.colo());
        assertEquals("Singapore", p.coloCity());
        assertEquals("api.example.org", p.host());
        assertEquals("https://api.example.org:8443/health", p.url());
        assertEquals(8443, p.port());
        assertEquals(Instant.parse("2026-03-11T23:59:01Z"), p.time());
        assertEquals("cloudflare", p.headers().get("server"));
        assertEquals("6a5b4c3d2e1f0a9b-SIN", p.headers().get("cf-ray"));
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.HEADERS, p.format());
    }

    @Test
    void curlVerboseHttp2YieldsResponseHeadersOnlyAndTheConnectedHost() {
        ParsedPaste p = parse("524-curl-v-http2.txt");
        assertEquals(524, p.code());
        assertEquals("2b3c4d5e6f708192", p.rayId());
        assertEquals("ORD", p.colo());
        assertEquals("reports.example.com", p.host());
        assertNull(p.port());
        assertEquals(Instant.parse("2026-04-14T09:41:07Z"), p.time());
        assertEquals("5xx", p.headers().get("cf-error-type"));
        assertFalse(p.headers().containsKey("user-agent"), "request headers are not response headers");
        assertFalse(p.headers().containsKey("host"));
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.HEADERS, p.format());
    }

    @Test
    void rawHeadersWithoutStatusLineStillYieldRayAndHeaders() {
        ParsedPaste p = parse("521-raw-headers.txt");
        assertNull(p.code());
        assertEquals("7c1d0e9f2a3b4c5d", p.rayId());
        assertEquals("LAX", p.colo());
        assertEquals("DYNAMIC", p.headers().get("cf-cache-status"));
        assertEquals(6, p.headers().size());
        assertEquals(Instant.parse("2026-02-03T08:15:42Z"), p.time());
        assertEquals(Generator.UNKNOWN, p.generator());
        assertEquals(PasteFormat.HEADERS, p.format());
        assertFalse(p.describesError(), "no status code in the paste");
    }

    @Test
    void cdnCgiTraceYieldsHostColoVisitorAndTime() {
        ParsedPaste p = parse("cdn-cgi-trace.txt");
        assertEquals("www.example.net", p.host());
        assertEquals("AMS", p.colo());
        assertEquals("Amsterdam, Netherlands", p.coloCity());
        assertEquals("203.0.113.9", p.visitorIp());
        assertEquals(Instant.parse("2026-04-01T06:00:00.512Z"), p.time());
        assertEquals(PasteFormat.TRACE, p.format());
        assertTrue(p.headers().isEmpty());
    }

    @Test
    void structuredJsonErrorYieldsCodeRayZoneAndCloudflare() {
        ParsedPaste p = parse("523-structured.json");
        assertEquals(523, p.code());
        assertEquals("8b2e5f3a1c9d4e7f", p.rayId());
        assertEquals("example.com", p.host());
        assertEquals(Instant.parse("2026-01-18T14:30:00Z"), p.time());
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.JSON, p.format());
        assertFalse(p.suspicious(), () -> "warnings: " + p.warnings());
    }

    @Test
    void seedShapedJsonYieldsDetailsAndTheOriginAddress() {
        ParsedPaste p = parse("521-seed003.json");
        assertEquals(521, p.code());
        assertEquals("7c1d0e9f2a3b4c5d", p.rayId());
        assertEquals("LAX", p.colo());
        assertEquals("Los Angeles, CA", p.coloCity());
        assertEquals(List.of("192.0.2.1"), p.origins());
        assertEquals(Instant.parse("2026-01-18T14:30:00Z"), p.time());
        assertEquals(Generator.CLOUDFLARE, p.generator());
        assertEquals(PasteFormat.JSON, p.format());
    }

    @Test
    void nginxBadGatewayIsGeneratedByTheOrigin() {
        ParsedPaste p = parse("502-origin-nginx.txt");
        assertEquals(502, p.code());
        assertNull(p.rayId());
        assertEquals("nginx/1.24.0 (Ubuntu)", p.headers().get("server"));
        assertEquals("203.0.113.10", p.host());
        assertEquals(Generator.ORIGIN, p.generator());
        assertEquals(PasteFormat.ERROR_PAGE_HTML, p.format());
        assertFalse(p.suspicious(), () -> "warnings: " + p.warnings());
    }

    @Test
    void pageWhoseCodesAndRayIdDisagreeIsSuspicious() {
        ParsedPaste p = parse("fake-523-contradictions.html");
        assertTrue(p.suspicious());
        assertEquals(523, p.code(), "the first statement (the title) wins");
        assertNull(p.rayId(), "a malformed Ray ID is not reported as one");
        assertTrue(p.warnings().stream().allMatch(w -> w.startsWith("possibly a custom or fake error page: ")), p.warnings()::toString);
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("the title says 523 but the body says 522")), p.warnings()::toString);
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("'8b2e5f3a1c9d4e7'") && w.contains("16 hex digits")), p.warnings()::toString);
    }

    @Test
    void cfRayColoThatDisagreesWithThePageCityIsSuspicious() {
        ParsedPaste p = parse("523-colo-mismatch.txt");
        assertTrue(p.suspicious());
        assertEquals("LAX", p.colo());
        assertEquals(List.of("possibly a custom or fake error page: the cf-ray header says LAX but the page's data centre (Frankfurt) says FRA"),
                p.warnings());
    }

    @Test
    void cloudflareLinksInThePageFooterNeverBecomeTheHost() {
        String footerOnly = "<html><body><p>Visit <a href=\"https://www.cloudflare.com/5xx-error-landing\">cloudflare.com</a>"
                + " for more information.</p><p>Cloudflare Ray ID: <strong>8b2e5f3a1c9d4e7f</strong></p></body></html>";
        ParsedPaste p = PasteParser.parse(footerOnly);
        assertNull(p.host());
        assertEquals("8b2e5f3a1c9d4e7f", p.rayId());
        assertEquals(Map.of(), p.headers());
    }

    @Test
    void challengeHeaderIsNotedAsNotAnOutage() {
        ParsedPaste p = PasteParser.parse("HTTP/2 403\nserver: cloudflare\ncf-mitigated: challenge\ncf-ray: 8b2e5f3a1c9d4e7f-FRA\n");
        assertNull(p.code());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("challenge")), p.warnings()::toString);
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("403, not a 5xx")), p.warnings()::toString);
        assertFalse(p.describesError());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8b2e5f3a1c9d4e7g", "8b2e5f3a1c9d4e7f00", "8b2e5f3a"})
    void malformedRayIdInTheFooterMakesThePageSuspicious(String badRay) {
        ParsedPaste p = PasteParser.parse(Fixtures.paste("523-page.html").replace("8b2e5f3a1c9d4e7f", badRay));
        assertTrue(p.suspicious());
        assertNull(p.rayId());
        assertEquals(List.of("possibly a custom or fake error page: the Ray ID '" + badRay + "' in the page is not 16 hex digits"),
                p.warnings());
    }

    @Test
    void badGatewayHeadersFromAWebServerAreGeneratedByTheOrigin() {
        ParsedPaste p = PasteParser.parse("HTTP/1.1 502 Bad Gateway\nServer: nginx\nContent-Type: text/html\n");
        assertEquals(502, p.code());
        assertEquals(Generator.ORIGIN, p.generator());
    }

    @Test
    void badGatewayThroughCloudflareWithoutErrorHeadersHasNoKnownGenerator() {
        ParsedPaste p = PasteParser.parse("HTTP/2 502\nserver: cloudflare\ncf-ray: 8b2e5f3a1c9d4e7f-FRA\n");
        assertEquals(502, p.code());
        assertEquals(Generator.UNKNOWN, p.generator());
        assertTrue(p.describesError());
    }

    @Test
    void pageEscapedOnceMoreAsSlackDeliversItIsReadLikeThePage() {
        String page = Fixtures.paste("523-page.html");
        String slackEscaped = page.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        ParsedPaste direct = PasteParser.parse(page);
        ParsedPaste escaped = PasteParser.parse(slackEscaped);
        assertEquals(direct, escaped);
        assertEquals("8b2e5f3a1c9d4e7f", escaped.rayId());
    }
}
