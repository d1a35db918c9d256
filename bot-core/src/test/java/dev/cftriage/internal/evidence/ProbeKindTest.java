package dev.cftriage.internal.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProbeKindTest {

    @Test
    void everyKindHasItsOwnId() {
        Set<String> ids = Arrays.stream(ProbeKind.values()).map(ProbeKind::id).collect(Collectors.toSet());

        assertEquals(ProbeKind.values().length, ids.size(), "two kinds share an id: " + ids);
    }

    @Test
    void aResultTakesItsNameAndSourceFromItsKind() {
        ProbeResult result = ProbeResult.skipped(ProbeKind.CF_API_TUNNEL, "shop.example.com", "no token");

        assertEquals("cf-api-tunnel", result.name());
        assertEquals(FactSource.API, result.source());
    }
}
