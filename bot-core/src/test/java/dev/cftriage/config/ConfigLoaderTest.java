package dev.cftriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void withoutFileOrVariablesTheDefaultsApply() {
        assertEquals(ConfigLoader.productionDefaults(), ConfigLoader.load(Map.of()));
    }

    @Test
    void everyFileKeyIsRead() throws IOException {
        Path ca = write("ca.pem", "-----BEGIN CERTIFICATE-----\n");
        Path ranges = write("ranges.txt", "# edge\n198.51.100.0/24\n2001:db8:1::/48\n");
        Path file = write("config.yml", """
                resolvers: [127.0.0.53, "127.0.0.1:5353", "[::1]:53"]
                allowTargets: [10.20.0.0/16, 192.168.50.7]
                caFile: %s
                cloudflareRanges: %s
                timeout: 1500ms
                offline: true
                ports: [80, 8443]
                origins:
                  WWW.Example.COM.: [203.0.113.10, Origin.Example.NET]
                  api.example.com: 2001:db8::1
                limits:
                  shareFor: 1m
                  maxConcurrent: 2
                  maxQueued: 0
                  perUserPerMinute: 3
                  perChannelPerMinute: 9
                """.formatted(ca, ranges));

        TriageConfig config = ConfigLoader.load(Map.of(ConfigLoader.CONFIG, file.toString()));

        assertEquals(List.of("127.0.0.53", "127.0.0.1:5353", "[::1]:53"), config.resolvers());
        assertEquals(List.of("10.20.0.0/16", "192.168.50.7"), config.allowTargets());
        assertEquals(ca, config.caFile());
        assertEquals(ranges, config.cloudflareRanges());
        assertEquals(Duration.ofMillis(1500), config.timeout());
        assertTrue(config.offline());
        assertEquals(List.of(80, 8443), config.ports());
        assertEquals(Map.of("www.example.com", List.of("203.0.113.10", "origin.example.net"),
                "api.example.com", List.of("2001:db8::1")), config.origins());
        assertEquals(new Limits(Duration.ofMinutes(1), 2, 0, 3, 9), config.limits());
    }

    @Test
    void emptyListItemsAreDroppedNotFatal() throws IOException {
        Path file = write("config.yml", """
                resolvers: [~, 127.0.0.53, '  ']
                allowTargets:
                  -
                  - 10.20.0.0/16
                ports: [80, ~, 8443]
                origins:
                  www.example.com: [~, 203.0.113.10, '']
                """);

        TriageConfig config = ConfigLoader.load(Map.of(ConfigLoader.CONFIG, file.toString()));

        assertEquals(List.of("127.0.0.53"), config.resolvers());
        assertEquals(List.of("10.20.0.0/16"), config.allowTargets());
        assertEquals(List.of(80, 8443), config.ports());
        assertEquals(Map.of("www.example.com", List.of("203.0.113.10")), config.origins());
    }

    @Test
    void listOfOnlyEmptyItemsIsAnEmptyList() throws IOException {
        Path file = write("config.yml", "resolvers: [~]\nallowTargets:\n  -\n");

        TriageConfig config = ConfigLoader.load(Map.of(ConfigLoader.CONFIG, file.toString()));

        assertEquals(List.of(), config.resolvers());
        assertEquals(List.of(), config.allowTargets());
    }

    @Test
    void variablesOverrideTheFile() throws IOException {
        Path file = write("config.yml", """
                resolvers: [127.0.0.53]
                timeout: 9s
                ports: [8080]
                offline: true
                origins: {www.example.com: 203.0.113.10}
                """);
        Map<String, String> env = Map.of(
                ConfigLoader.CONFIG, file.toString(),
                ConfigLoader.RESOLVER, "127.0.0.1:5300, 127.0.0.2",
                ConfigLoader.TIMEOUT, "PT2S",
                ConfigLoader.PORTS, "443, 2053",
                ConfigLoader.OFFLINE, "no",
                ConfigLoader.ALLOW_TARGET, "127.77.0.0/16",
                ConfigLoader.ORIGINS, "Shop.Example.com=192.0.2.7|[2001:db8::7],api.example.com=origin.example.net");

        TriageConfig config = ConfigLoader.load(env);

        assertEquals(List.of("127.0.0.1:5300", "127.0.0.2"), config.resolvers());
        assertEquals(Duration.ofSeconds(2), config.timeout());
        assertEquals(List.of(443, 2053), config.ports());
        assertFalse(config.offline());
        assertEquals(List.of("127.77.0.0/16"), config.allowTargets());
        assertEquals(Map.of("shop.example.com", List.of("192.0.2.7", "2001:db8::7"),
                "api.example.com", List.of("origin.example.net")), config.origins());
    }

    @Test
    void blankVariablesCountAsUnset() throws IOException {
        Path file = write("config.yml", "timeout: 9s\n");
        Map<String, String> env = new HashMap<>();
        env.put(ConfigLoader.CONFIG, file.toString());
        env.put(ConfigLoader.TIMEOUT, "  ");
        env.put(ConfigLoader.PORTS, "");

        TriageConfig config = ConfigLoader.load(env);

        assertEquals(Duration.ofSeconds(9), config.timeout());
        assertEquals(List.of(80, 443), config.ports());
    }

    @Test
    void filesAndSectionsLeftOutKeepTheirDefaults() throws IOException {
        Path empty = write("empty.yml", "");
        assertEquals(ConfigLoader.productionDefaults(), ConfigLoader.load(Map.of(ConfigLoader.CONFIG, empty.toString())));

        Path partial = write("partial.yml", "limits:\n  maxQueued: 5\n");
        Limits limits = ConfigLoader.load(Map.of(ConfigLoader.CONFIG, partial.toString())).limits();
        assertEquals(new Limits(Limits.DEFAULT.shareFor(), Limits.DEFAULT.maxConcurrent(), 5,
                Limits.DEFAULT.perUserPerMinute(), Limits.DEFAULT.perChannelPerMinute()), limits);
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = dir.resolve("nope.yml");
        assertMessage(Map.of(ConfigLoader.CONFIG, missing.toString()), missing.toString(), "does not exist");
    }

    @Test
    void directoryGivenAsConfigFileIsReportedUnreadable() {
        assertMessage(Map.of(ConfigLoader.CONFIG, dir.toString()), "cannot read config file " + dir);
    }

    @Test
    void unknownKeysAreNamedWithTheKeysThatExist() throws IOException {
        assertFileRejected("timeout: 3s\nresolver: 1.1.1.1\n", "unknown key 'resolver'", "resolvers");
        assertFileRejected("limits:\n  maxConcurent: 3\n", "unknown key 'limits.maxConcurent'", "maxConcurrent");
    }

    @Test
    void theWatchSectionIsLeftToIncidentMode() throws IOException {
        Path file = write("config.yml", "timeout: 3s\nwatch:\n  interval: 2s\n");
        assertEquals(Duration.ofSeconds(3), ConfigLoader.load(Map.of(ConfigLoader.CONFIG, file.toString())).timeout());
    }

    @Test
    void valueOfTheWrongTypeNamesItsKey() throws IOException {
        assertFileRejected("ports: [80, http]\n", "key 'ports[1]'", "wrong type");
    }

    @Test
    void malformedYamlIsRejectedWithItsLine() throws IOException {
        assertFileRejected("- 1.1.1.1\n- 9.9.9.9\n", "must be a mapping");
        assertFileRejected("timeout: 3s\nports: [80, 443\n", "not valid YAML at line");
        assertFileRejected("timeout: 3s\ntimeout: 4s\n", "not valid YAML at line 2", "timeout");
    }

    @Test
    void portCloudflareDoesNotProxyIsRejectedFromFileAndVariable() throws IOException {
        assertFileRejected("ports: [443, 22]\n", "key ports", "port 22 is not one Cloudflare proxies", "8443");
        assertMessage(Map.of(ConfigLoader.PORTS, "80,3000"), ConfigLoader.PORTS, "port 3000 is not one Cloudflare proxies");
        assertMessage(Map.of(ConfigLoader.PORTS, "80,https"), ConfigLoader.PORTS, "'https' is not a port number");
    }

    @Test
    void portCheckOfTheLoaderAndOfTheRecordSayTheSame() {
        BadInputException fromRecord = assertThrows(BadInputException.class,
                () -> TriageConfig.builder().ports(List.of(3000)).build());

        assertMessage(Map.of(ConfigLoader.PORTS, "3000"), ConfigLoader.PORTS + ": " + fromRecord.getMessage());
    }

    @Test
    void malformedCidrIsRejected() throws IOException {
        assertMessage(Map.of(ConfigLoader.ALLOW_TARGET, "10.0.0.0/8,10.0.0.0/99"), ConfigLoader.ALLOW_TARGET, "10.0.0.0/99");
        assertFileRejected("allowTargets: [lab-net]\n", "key allowTargets", "lab-net");
    }

    @Test
    void badTimeoutNamesItsSource() throws IOException {
        assertMessage(Map.of(ConfigLoader.TIMEOUT, "4"), ConfigLoader.TIMEOUT, "'4' is not a duration");
        assertFileRejected("limits: {shareFor: 0s}\n", "key limits.shareFor", "longer than zero");
    }

    @Test
    void offlineAcceptsOnlyYesOrNoWords() {
        assertTrue(ConfigLoader.load(Map.of(ConfigLoader.OFFLINE, "TRUE")).offline());
        assertTrue(ConfigLoader.load(Map.of(ConfigLoader.OFFLINE, "1")).offline());
        assertFalse(ConfigLoader.load(Map.of(ConfigLoader.OFFLINE, "off")).offline());
        assertMessage(Map.of(ConfigLoader.OFFLINE, "maybe"), ConfigLoader.OFFLINE, "'maybe' is not true or false");
    }

    @Test
    void missingCaFileAndBadRangesFileAreRejected() throws IOException {
        Path missing = dir.resolve("missing.pem");
        assertMessage(Map.of(ConfigLoader.CA_FILE, missing.toString()), ConfigLoader.CA_FILE, missing + " is not a readable file");
        Path ranges = write("ranges.txt", "198.51.100.0/24\nnot-a-range\n");
        assertMessage(Map.of(ConfigLoader.CLOUDFLARE_RANGES, ranges.toString()), ConfigLoader.CLOUDFLARE_RANGES, "not-a-range");
    }

    @Test
    void malformedOriginsAreRejected() throws IOException {
        assertMessage(Map.of(ConfigLoader.ORIGINS, "www.example.com"), ConfigLoader.ORIGINS, "is not host=origin|origin");
        assertMessage(Map.of(ConfigLoader.ORIGINS, "www.example.com=|"), ConfigLoader.ORIGINS, "no origin given for www.example.com");
        assertMessage(Map.of(ConfigLoader.ORIGINS, "bad_host!=192.0.2.1"), ConfigLoader.ORIGINS, "not a valid host name");
        assertMessage(Map.of(ConfigLoader.ORIGINS, "a.example=192.0.2.1,A.example.=192.0.2.2"), ConfigLoader.ORIGINS,
                "a.example is given twice");
        assertFileRejected("origins: {www.example.com: [999.1.1.1]}\n", "key origins", "999.1.1.1");
    }

    @Test
    void malformedResolverIsRejected() {
        assertMessage(Map.of(ConfigLoader.RESOLVER, "127.0.0.1:99999"), ConfigLoader.RESOLVER, "not a number from 1 to 65535");
        assertMessage(Map.of(ConfigLoader.RESOLVER, "[::1]53"), ConfigLoader.RESOLVER, "expected :PORT");
        assertMessage(Map.of(ConfigLoader.RESOLVER, "dns server"), ConfigLoader.RESOLVER, "not a valid host name");
    }

    @Test
    void resolverNamesAndSignedPortsAreRejectedNamingTheirKey() throws IOException {
        assertMessage(Map.of(ConfigLoader.RESOLVER, "dns.google:53"), ConfigLoader.RESOLVER, "is a name: give its IP address");
        assertMessage(Map.of(ConfigLoader.RESOLVER, "1.1.1.1:+53"), ConfigLoader.RESOLVER, "'+53' is not a number");
        assertFileRejected("resolvers: ['dns.google:+53']\n", "key resolvers", "dns.google:+53");
        assertFileRejected("resolvers: ['[::1']\n", "key resolvers", "does not close it");
    }

    @Test
    void limitsBelowTheirMinimumAreRejected() throws IOException {
        assertFileRejected("limits: {maxConcurrent: 0}\n", "key limits.maxConcurrent", "0 is less than 1");
    }

    @Test
    void exampleConfigAtTheRepositoryRootLoads() {
        Path example = Path.of("..", "config.example.yml");
        assertTrue(Files.isRegularFile(example), "missing " + example.toAbsolutePath());

        TriageConfig config = ConfigLoader.load(Map.of(ConfigLoader.CONFIG, example.toString()));

        assertEquals(List.of("1.1.1.1", "[2606:4700:4700::1111]:53"), config.resolvers());
        assertEquals(List.of("203.0.113.10", "203.0.113.11"), config.origins().get("www.example.com"));
        assertEquals(List.of("origin-api.example.net"), config.origins().get("api.example.com"));
        assertEquals(Limits.DEFAULT, config.limits());
        assertEquals(TriageConfig.DEFAULT_TIMEOUT, config.timeout());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Loads a config file with this text and checks the one-line message names the file and holds the parts. */
    private void assertFileRejected(String yaml, String... parts) throws IOException {
        Path file = write("config.yml", yaml);
        assertMessage(Map.of(ConfigLoader.CONFIG, file.toString()), parts);
        assertMessage(Map.of(ConfigLoader.CONFIG, file.toString()), "config file " + file);
    }

    private static void assertMessage(Map<String, String> env, String... parts) {
        BadInputException e = assertThrows(BadInputException.class, () -> ConfigLoader.load(env));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), "message spans lines: " + e.getMessage());
    }
}
