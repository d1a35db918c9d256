package dev.cftriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cloudflare API token, API and status page URLs and the ranges refresh, in code, the file and the environment. */
class CloudflareSettingsTest {
    private static final String TOKEN = "cf-test-token-SECRET-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void programmaticDefaultsReachNoCloudflareService() {
        TriageConfig defaults = TriageConfig.defaults();
        assertNull(defaults.cloudflareApiUrl());
        assertNull(defaults.cloudflareStatusUrl());
        assertNull(defaults.cloudflareApiToken());
        assertFalse(defaults.refreshRanges());
        assertFalse(defaults.cloudflareApiEnabled());
    }

    @Test
    void theProductionLoaderFillsInCloudflaresRealUrls() {
        TriageConfig config = ConfigLoader.load(Map.of());
        assertEquals("https://api.cloudflare.com/client/v4/", config.cloudflareApiUrl());
        assertEquals("https://www.cloudflarestatus.com/", config.cloudflareStatusUrl());
        assertTrue(config.refreshRanges());
        assertFalse(config.cloudflareApiEnabled(), "no token, no API lookups");
    }

    @Test
    void theEnvironmentSetsTheTokenAndOverridesBothUrls() {
        TriageConfig config = ConfigLoader.load(Map.of(ConfigLoader.CLOUDFLARE_API_TOKEN, " " + TOKEN + " ",
                ConfigLoader.CLOUDFLARE_API_URL, "http://127.0.0.1:8787/client/v4",
                ConfigLoader.CLOUDFLARE_STATUS_URL, "http://127.0.0.1:8788",
                ConfigLoader.REFRESH_RANGES, "false"));
        assertEquals(TOKEN, config.cloudflareApiToken().reveal());
        assertEquals("http://127.0.0.1:8787/client/v4/", config.cloudflareApiUrl());
        assertEquals("http://127.0.0.1:8788/", config.cloudflareStatusUrl());
        assertFalse(config.refreshRanges());
        assertTrue(config.cloudflareApiEnabled());
    }

    @Test
    void offDisablesAService() {
        TriageConfig config = ConfigLoader.load(Map.of(ConfigLoader.CLOUDFLARE_API_TOKEN, TOKEN,
                ConfigLoader.CLOUDFLARE_API_URL, "off", ConfigLoader.CLOUDFLARE_STATUS_URL, "OFF"));
        assertNull(config.cloudflareApiUrl());
        assertNull(config.cloudflareStatusUrl());
        assertFalse(config.cloudflareApiEnabled());
    }

    @Test
    void theTokenIsNeverPrinted() {
        TriageConfig config = TriageConfig.builder().cloudflareApiToken(Secret.of(TOKEN)).build();
        assertFalse(config.toString().contains(TOKEN), config.toString());
        assertTrue(config.toString().contains("cloudflareApiToken=***"), config.toString());
    }

    @Test
    void theFileSetsUrlsButHasNoKeyForTheToken() throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), "cloudflareApiUrl: http://127.0.0.1:8787/client/v4/\n"
                + "cloudflareStatusUrl: \"off\"\nrefreshRanges: false\n");
        TriageConfig config = ConfigLoader.load(Map.of(ConfigLoader.CONFIG, file.toString()));
        assertEquals("http://127.0.0.1:8787/client/v4/", config.cloudflareApiUrl());
        assertNull(config.cloudflareStatusUrl());
        assertFalse(config.refreshRanges());

        Path withToken = Files.writeString(dir.resolve("t.yml"), "cloudflareApiToken: " + TOKEN + "\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> ConfigLoader.load(Map.of(ConfigLoader.CONFIG, withToken.toString())));
        assertTrue(e.getMessage().contains("unknown key 'cloudflareApiToken'"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void aUrlThatIsNotHttpIsABadSettingNamingTheVariable() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ConfigLoader.load(Map.of(ConfigLoader.CLOUDFLARE_API_URL, "ftp://example.test/")));
        assertTrue(e.getMessage().startsWith("CLOUDFLARE_API_URL: "), e.getMessage());
    }
}
