package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColoDirectoryTest {

    @Test
    void iataCodeMapsToTheCityAsCloudflareNamesIt() {
        assertEquals(Optional.of("Frankfurt, Germany"), ColoDirectory.city("FRA"));
        assertEquals(Optional.of("Frankfurt, Germany"), ColoDirectory.city("fra"));
        assertEquals(Optional.of("Singapore"), ColoDirectory.city("SIN"));
    }

    @Test
    void cityAsThePageShowsItMapsBackToTheIataCode() {
        assertEquals(Optional.of("FRA"), ColoDirectory.iata("Frankfurt"));
        assertEquals(Optional.of("FRA"), ColoDirectory.iata("frankfurt, germany"));
        assertEquals(Optional.of("LAX"), ColoDirectory.iata("Los Angeles"));
        assertEquals(Optional.of("GRU"), ColoDirectory.iata("São Paulo"));
    }

    @Test
    void unknownValuesGiveNothing() {
        assertTrue(ColoDirectory.city("ZZZ").isEmpty());
        assertTrue(ColoDirectory.iata("Atlantis").isEmpty());
        assertTrue(ColoDirectory.city(null).isEmpty());
        assertTrue(ColoDirectory.iata(null).isEmpty());
    }
}
