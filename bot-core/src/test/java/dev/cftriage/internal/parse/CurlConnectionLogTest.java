package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurlConnectionLogTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "* Connected to origin.example.com (192.0.2.10) port 443",
            "* \u00a0Connected to origin.example.com (192.0.2.10) port 443",
            "* \u202fHost origin.example.com:443 was resolved.",
            "*   Host origin.example.com:443 was resolved."})
    void theHostCurlConnectedToIsReadAlsoAfterAnUnusualSpace(String line) {
        assertEquals("origin.example.com", PasteParser.parse(line + "\n< HTTP/2 523\n< server: cloudflare\n").host());
    }
}
