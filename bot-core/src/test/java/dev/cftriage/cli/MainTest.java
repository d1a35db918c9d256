package dev.cftriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cftriage.internal.http.BuildInfo;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line as a user runs it: exit statuses, the text and JSON forms, standard input, bad input. */
class MainTest {
    /**
     * An environment that keeps every lookup on loopback: no system resolver, and Cloudflare's API and status page
     * pointed at a closed loopback port instead of their real hosts.
     */
    private static final Map<String, String> ENV = Map.of("CFTRIAGE_RESOLVER", "127.0.0.1:9",
            "CLOUDFLARE_STATUS_URL", "http://127.0.0.1:9/", "CLOUDFLARE_API_URL", "http://127.0.0.1:9/",
            "CFTRIAGE_REFRESH_RANGES", "false");

    private record Run(int status, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status = Main.execute(args, ENV, in, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aRefusingOriginGivesTheVerdictAndWhatToDoInTheFirstSixLines() {
        InetAddress origin = LoopbackAddresses.next();
        Run r = run("", "--allow-target", "127.0.0.0/8", "--port", "8080", "--port", "8443", "--timeout", "1500ms",
                "521", origin.getHostAddress());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        String first6 = String.join("\n", lines.subList(0, 6));
        assertTrue(lines.get(0).startsWith("❌ 521 · " + origin.getHostAddress() + " — The origin refuses connections (Confirmed)"), r.out());
        assertTrue(first6.contains(origin.getHostAddress() + ":8080 refused"), first6);
        assertTrue(lines.get(1).startsWith("Do this first: Start the web server on " + origin.getHostAddress()), first6);
        assertTrue(lines.size() <= 25, lines.size() + " lines:\n" + r.out());
    }

    @Test
    void verboseShowsEveryCauseWithItsFixSteps() {
        InetAddress origin = LoopbackAddresses.next();
        Run r = run("", "--verbose", "--allow-target", "127.0.0.0/8", "--port", "8080", "--timeout", "1500ms", "521",
                origin.getHostAddress());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("521 Web server is down"), r.out());
        assertTrue(r.out().contains("(origin-refused)") && r.out().contains("(firewall-blocks-cloudflare)"), r.out());
        assertTrue(r.out().contains("      1) "), r.out());
        assertTrue(r.out().contains(origin.getHostAddress() + ":8080"), r.out());
    }

    @Test
    void theJsonReportCarriesTheContractFields() throws Exception {
        InetAddress origin = LoopbackAddresses.next();
        try (FaultServer bad = FaultServer.start(origin, 8080, Behaviour.BAD_GATEWAY)) {
            Run r = run("", "--json", "--allow-target", "127.0.0.0/8", "--port", "8080", "--timeout", "1500ms",
                    "502", origin.getHostAddress());
            assertEquals(0, r.status(), r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertEquals(502, json.path("input").path("code").asInt());
            assertTrue(json.path("input").has("rayId") && json.path("input").get("rayId").isNull());
            assertTrue(json.path("input").has("colo") && json.path("input").has("host"));
            assertEquals(origin.getHostAddress(), json.path("input").path("host").asText());
            JsonNode probe = json.path("probes").get(1);
            assertEquals("origin-tcp", probe.path("name").asText(), "dns is skipped for an IP host, the edge is next");
            assertEquals("ok", probe.path("status").asText());
            assertTrue(probe.path("durationMs").isNumber());
            assertEquals("connected", probe.path("facts").path("outcome").asText());
            JsonNode top = json.path("causes").get(0);
            assertEquals("origin-upstream-down", top.path("id").asText(), "nginx answering 502 itself: the application behind it is down");
            assertTrue(top.path("confidence").asDouble() > 0 && top.path("confidence").asDouble() <= 1);
            assertTrue(top.path("evidence").get(0).asText().contains("502"));
            assertTrue(top.path("fix").isArray() && top.path("fix").size() > 0);
            assertTrue(json.path("elapsedMs").isNumber());
            assertTrue(!json.has("edge"), "edge is absent when the edge was not probed");
        }
    }

    @Test
    void aPasteOnStandardInputIsReadWhenNoTextIsGiven() throws Exception {
        String page;
        try (InputStream in = MainTest.class.getResourceAsStream("/pastes/523-page.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Run r = run(page, "--offline", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(523, json.path("input").path("code").asInt());
        assertEquals(16, json.path("input").path("rayId").asText().length());
        assertTrue(json.path("causes").size() > 0);
        assertTrue(json.path("causes").get(0).path("verified").isBoolean() && !json.path("causes").get(0).path("verified").asBoolean(),
                "offline causes are marked not verified");
    }

    @Test
    void aMalformedHostExitsWithStatusTwoAndOneLine() {
        Run r = run("", "--offline", "523", "exa_mple..com");
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("cf-triage: "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anOversizedPasteIsRefusedWithoutReadingItAll() {
        Run r = run("x".repeat(5 * 1024 * 1024), "--offline");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("MB"), r.err());
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        Run r = run("", "--no-such-option", "example.com");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--help"), r.err());
    }

    @Test
    void aPortCloudflareDoesNotProxyIsRefused() {
        Run r = run("", "--offline", "--port", "22", "example.com");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("port 22"), r.err());
    }

    @Test
    void anUnknownCodeStillGivesAReport() {
        Run r = run("", "--offline", "--code", "599", "example.com");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("no catalog entry for code 599"), r.out());
    }

    @Test
    void aRayIdWithoutACodeSaysHowToGetOne() {
        Run r = run("", "--offline", "ray", "8b2e5f3a1c9d4e7f-LAX", "example.com");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("⚠️ example.com — "), r.out());
        assertTrue(r.out().contains("Ray 8b2e5f3a1c9d4e7f-LAX (Los Angeles"), r.out());
        assertTrue(r.out().contains("no error code was given"), r.out());
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        Run r = run("", "--version");
        assertEquals(0, r.status());
        assertEquals("cf-triage " + BuildInfo.VERSION, r.out().strip());
        assertTrue(BuildInfo.VERSION.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), BuildInfo.VERSION);
        assertEquals("cf-triage/" + BuildInfo.VERSION, BuildInfo.USER_AGENT);
    }

    @Test
    void helpListsTheOptions() {
        Run r = run("", "--help");
        assertEquals(0, r.status());
        for (String option : new String[] {"--json", "--origin", "--resolver", "--allow-target", "--ca-file",
                "--cloudflare-ranges", "--timeout", "--offline"}) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
