package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ParsedPasteTest {

    @ParameterizedTest
    @ValueSource(strings = {"523-page.html", "1016-page.html", "530-1033.txt", "523-browser-copy.txt",
            "522-curl-I-http11.txt", "524-curl-v-http2.txt", "523-structured.json", "521-seed003.json"})
    void cloudflareErrorPastesDescribeAnError(String fixture) {
        assertTrue(PasteParser.parse(Fixtures.paste(fixture)).describesError());
    }

    @ParameterizedTest
    @ValueSource(strings = {"we deployed at 5", "lunch at 12?", "the 523 bus is late", "see you at example.com tomorrow",
            "ray of sunshine today", "HTTP/2 200\nserver: cloudflare\ncf-ray: 8b2e5f3a1c9d4e7f-FRA"})
    void chatterDoesNotDescribeAnError(String message) {
        assertFalse(PasteParser.parse(message).describesError(), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"523 example.com", "[FIRING] 522 on api.example.com (ray 8b2e5f3a1c9d4e7f-FRA)",
            "getting error 1016 on blog.example.com", "HTTP/2 521\nserver: cloudflare"})
    void shortReportsOfAnErrorDescribeOne(String message) {
        assertTrue(PasteParser.parse(message).describesError(), message);
    }

    @Test
    void codeOutsideTheCloudflareRangeDoesNotDescribeAnError() {
        ParsedPaste p = new ParsedPaste(599, null, "8b2e5f3a1c9d4e7f", null, null, "example.com", null, null, null, null,
                Generator.CLOUDFLARE, List.of(), PasteFormat.HEADERS, Map.of(), false, List.of());
        assertFalse(p.describesError());
    }

    @Test
    void describesErrorIsNotSerializedAsAProperty() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        String json = mapper.writeValueAsString(PasteParser.parse(Fixtures.paste("523-page.html")));
        assertFalse(json.contains("describesError"), json);
        assertTrue(json.contains("\"rayId\":\"8b2e5f3a1c9d4e7f\""), json);
    }
}
