package dev.cftriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.cftriage.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A credential written into a configured URL ({@code http://user:TOKEN@…}) never appears in an error. */
class ConfiguredUrlRedactionTest {
    private static final String TOKEN = "s3cr3tT0ken";

    static Stream<Arguments> urlsHoldingASecret() {
        return Stream.of(
                arguments("http://user:" + TOKEN + "@127.0.0.1:9/", "***@"),
                arguments("https://" + TOKEN + "@api.example.net/client/v4/", "***@"),
                arguments("http://user:" + TOKEN + "@127.0.0.1:9/?q=1", "***@"),
                arguments("http://user:" + TOKEN + " x@127.0.0.1:9/", "not shown"),
                arguments("https://user:ab/" + TOKEN + "@api.example.com/", "not shown"),
                arguments("token:" + TOKEN + "@api.example.com/x?u=http://y", "not shown"),
                arguments("https://hooks.example.net/services/" + TOKEN + "^", "not shown"),
                arguments("https://127.0.0.1:9/services/" + TOKEN + "?x=1", "/…?***"),
                arguments("ftp://user:" + TOKEN + "@files.example.net/", "***@"),
                arguments("http://127.0.0.1:9/?api_key=" + TOKEN, "?***"),
                arguments("http://127.0.0.1:9/client/v4/#" + TOKEN, "#***"),
                arguments("http://127.0.0.1:9/?a=1&token=" + TOKEN + "#x", "?***"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urlsHoldingASecret")
    void aUrlHoldingASecretIsRefusedWithoutEchoingIt(String url, String redactionMark) {
        for (String variable : new String[] {ConfigLoader.CLOUDFLARE_API_URL, ConfigLoader.CLOUDFLARE_STATUS_URL}) {
            BadInputException e = assertThrows(BadInputException.class, () -> ConfigLoader.load(Map.of(variable, url)));

            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
            assertTrue(e.getMessage().contains(redactionMark), e.getMessage());
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
            http://user:pw@host.example/a@b      | http://***@host.example/…
            https://host.example/path?x=a@b      | https://host.example/…?***
            https://host.example/p#key=abc       | https://host.example/…#***
            http://u:pw@host.example?k=1#f       | http://***@host.example?***#***
            user:pw@host.example                 | (20 characters, not shown: it may hold a secret)
            http://host.example                  | http://host.example
            http://@host.example:8443/           | http://***@host.example:8443/
            """)
    void aMessageShowsOnlyTheSchemeHostAndPortOfAConfiguredUrl(String url, String redacted) {
        assertEquals(redacted, BaseUrls.redacted(url));
    }
}
