package dev.cftriage.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cftriage.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The YAML configuration file as written: every key optional, values not yet validated. Unknown keys, values of
 * the wrong type and YAML syntax errors are reported as one-line {@link BadInputException}s naming the file and
 * the key. The Cloudflare API token has no key here: it comes from the environment only, so that it never sits
 * in a file that is copied or committed. The {@code watch} section belongs to incident mode (bot-incidents), which
 * reads and checks it itself.
 */
@JsonIgnoreProperties({"watch"})
record ConfigFile(
        List<String> resolvers,
        List<String> allowTargets,
        String caFile,
        String cloudflareRanges,
        String timeout,
        Boolean offline,
        List<Integer> ports,
        Map<String, List<String>> origins,
        LimitsSection limits,
        String cloudflareApiUrl,
        String cloudflareStatusUrl,
        Boolean refreshRanges) {

    /** The {@code limits} section as written. */
    record LimitsSection(String shareFor, Integer maxConcurrent, Integer maxQueued, Integer perUserPerMinute,
                         Integer perChannelPerMinute) {
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null,
            null, null);

    /**
     * Reads and parses a configuration file; an empty file (or one of comments only) has no settings.
     *
     * @throws BadInputException when the file cannot be read or is not a valid configuration
     */
    static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("cannot read config file " + file + ": " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new BadInputException("config file " + file + " is not valid YAML" + where + ": "
                    + e.getOriginalMessage().lines()
                    .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).collect(Collectors.joining(": ")));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return EMPTY;
        }
        if (!tree.isObject()) {
            throw new BadInputException("config file " + file + " must be a mapping of keys to values");
        }
        try {
            return YAML.treeToValue(tree, ConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new BadInputException("config file " + file + ": unknown key '" + keyPath(e) + "' (known keys: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (JsonProcessingException e) {
            String key = e instanceof JsonMappingException m ? " '" + keyPath(m) + "'" : "";
            throw new BadInputException("config file " + file + ": key" + key + " has a value of the wrong type");
        }
    }

    private static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
