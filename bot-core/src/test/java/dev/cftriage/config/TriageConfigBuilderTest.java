package dev.cftriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cftriage.input.BadInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageConfigBuilderTest {

    @Test
    void anUntouchedBuilderGivesTheDefaults() {
        assertEquals(TriageConfig.defaults(), TriageConfig.builder().build());
    }

    @Test
    void everySettingSurvivesACopyThroughTheBuilder() {
        TriageConfig all = new TriageConfig(List.of("127.0.0.53:53"), List.of("127.0.0.0/8"), Path.of("ca.pem"),
                Path.of("ranges.txt"), Duration.ofSeconds(2), true, Map.of("shop.example.com", List.of("192.0.2.7")),
                List.of(8080, 8443), new Limits(Duration.ofSeconds(30), 2, 3, 4, 5), Secret.of("cf-test-token"),
                "http://127.0.0.1:9/client/v4/", "http://127.0.0.1:9/", true);

        assertEquals(all, all.toBuilder().build());
    }

    @Test
    void changingACopyLeavesTheOriginalAsItWas() {
        TriageConfig original = TriageConfig.builder().ports(List.of(8080)).build();

        TriageConfig changed = original.toBuilder().ports(List.of(443)).timeout(Duration.ofSeconds(9)).build();

        assertEquals(List.of(8080), original.ports());
        assertEquals(TriageConfig.DEFAULT_TIMEOUT, original.timeout());
        assertEquals(List.of(443), changed.ports());
        assertEquals(Duration.ofSeconds(9), changed.timeout());
    }

    @Test
    void buildChecksTheValuesAsTheRecordDoes() {
        TriageConfig.Builder builder = TriageConfig.builder().timeout(Duration.ZERO);

        assertThrows(BadInputException.class, builder::build);
    }
}
