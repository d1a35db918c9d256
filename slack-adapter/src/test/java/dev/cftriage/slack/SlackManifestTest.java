package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app manifest users create the Slack app from declares exactly the commands the bot answers. */
class SlackManifestTest {

    @Test
    void manifestListsExactlyTheCommandsTheBotRegisters() throws Exception {
        JsonNode manifest = new YAMLMapper().readTree(Path.of("slack-app-manifest.yml").toFile());
        List<String> declared = new ArrayList<>();
        manifest.path("features").path("slash_commands").forEach(c -> declared.add(c.path("command").asText()));

        List<String> registered = new ArrayList<>(List.of("/cftriage"));
        SlackTriageApp.COMMAND_CODES.forEach(code -> registered.add("/cf" + code));
        assertEquals(registered, declared);
    }
}
