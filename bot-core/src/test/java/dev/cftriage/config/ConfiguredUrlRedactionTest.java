package dev.cftriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A credential written into a configured URL ({@code http://user:TOKEN@…}) never appears in an error. */
class ConfiguredUrlRedactionTest {
    private static final String TOKEN = "s3cr3tT0ken";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://user:" + TOKEN + "@127.0.0.1:9/",
            "https://" + TOKEN + "@api.example.net/client/v4/",
            "http://user:" + TOKEN + "@127.0.0.1:9/?q=1",
            "http://user:" + TOKEN + " x@127.0.0.1:9/",
            "ftp://user:" + TOKEN + "@files.example.net/"})
    void aUrlWithUserInfoIsRefusedWithoutEchoingIt(String url) {
        for (String variable : new String[] {ConfigLoader.CLOUDFLARE_API_URL, ConfigLoader.CLOUDFLARE_STATUS_URL}) {
            BadInputException e = assertThrows(BadInputException.class, () -> ConfigLoader.load(Map.of(variable, url)));

            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
            assertTrue(e.getMessage().contains("***@"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://127.0.0.1:9/?api_key=" + TOKEN,
            "http://127.0.0.1:9/client/v4/#" + TOKEN,
            "http://127.0.0.1:9/?a=1&token=" + TOKEN + "#x"})
    void aUrlWithATokenInItsQueryOrFragmentIsRefusedWithoutEchoingIt(String url) {
        for (String variable : new String[] {ConfigLoader.CLOUDFLARE_API_URL, ConfigLoader.CLOUDFLARE_STATUS_URL}) {
            BadInputException e = assertThrows(BadInputException.class, () -> ConfigLoader.load(Map.of(variable, url)));

            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
            assertTrue(e.getMessage().contains("***"), e.getMessage());
        }
    }

    @Test
    void aUrlWithUserInfoInTheConfigFileIsRefusedWithoutEchoingIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cf-triage.yml"),
                "cloudflareStatusUrl: \"http://user:" + TOKEN + "@127.0.0.1:9/\"\n");

        BadInputException e = assertThrows(BadInputException.class,
                () -> ConfigLoader.load(Map.of(ConfigLoader.CONFIG, file.toString())));

        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://user:pw@host.example/a@b      | http://***@host.example/a@b
            https://host.example/path?x=a@b      | https://host.example/path?***
            https://host.example/p#key=abc       | https://host.example/p#***
            http://u:pw@host.example?k=1#f       | http://***@host.example?***
            user:pw@host.example                 | ***@host.example
            http://host.example                  | http://host.example
            http://@host.example/                | http://***@host.example/
            """)
    void redactionReplacesOnlyTheAuthoritysUserInfo(String url, String redacted) {
        assertEquals(redacted, BaseUrls.redacted(url));
    }
}
