package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.PasteFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offline triages of pastes whose only code is a Cloudflare 1xxx code: the report says the paste gave it. */
class PastedCodeScenariosTest {
    private CfTriage engine;

    @BeforeEach
    void start() {
        engine = CfTriage.create(TriageConfig.defaults().toBuilder().offline(true).build());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aBoxFragmentWithARayIdAndAReferenceNumberIsTriagedWithTheCodeFromTheInput() {
        TriageReport r = engine.run(TriageRequest.of(PasteFixtures.read("classes/box-fragment-ray-and-reference.txt")));
        assertEquals(1016, r.code().code());
        assertNull(r.code().errorCode());
        assertEquals("input", r.code().source());
        assertEquals("6a5b4c3d2e1f0a9b", r.input().rayId());
    }

    @Test
    void aPasted1xxxPageNamesTheInputAsTheSourceOfItsCode() {
        TriageReport r = engine.run(TriageRequest.of(PasteFixtures.read("1016-page.html")));
        assertEquals(1016, r.code().code());
        assertEquals("input", r.code().source());
        assertFalse(r.notes().stream().anyMatch(n -> n.startsWith("no error code was given")), r.notes()::toString);
    }
}
