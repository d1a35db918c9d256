package dev.cftriage.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.IDN;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parser skips IDNA for names it would hand back unchanged: that shortcut must never disagree with IDNA. */
class HostNamesIdnaShortcutTest {

    @Property(tries = 3000)
    void aNameTheShortcutKeepsIsOneIdnaReturnsUnchanged(@ForAll("asciiHosts") String text) {
        if (HostNames.keptByIdna(text)) {
            assertEquals(text, IDN.toASCII(text, IDN.ALLOW_UNASSIGNED));
        }
    }

    @Property(tries = 3000)
    void anAsciiNameIdnaRefusesIsNeverTakenByTheShortcut(@ForAll("asciiHosts") String text) {
        boolean refused;
        try {
            IDN.toASCII(text, IDN.ALLOW_UNASSIGNED);
            refused = false;
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        if (refused) {
            assertFalse(HostNames.keptByIdna(text), text);
        }
    }

    @Example
    void emptyLabelsAndLongLabelsGoThroughIdnaAndAreRefused() {
        for (String text : new String[] {"a..b", ".a", "a".repeat(64) + ".example", "example." + "b".repeat(64)}) {
            assertFalse(HostNames.keptByIdna(text), text);
            assertThrows(RuntimeException.class, () -> HostNames.parse(text), text);
        }
    }

    @Example
    void nonAsciiNamesGoThroughIdna() {
        assertFalse(HostNames.keptByIdna("bücher.example"));
        assertEquals("xn--bcher-kva.example", HostNames.parse("BÜCHER.example").text());
    }

    @Provide
    Arbitrary<String> asciiHosts() {
        Arbitrary<String> label = Arbitraries.strings().withChars("aZ9-_.").ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> longLabel = Arbitraries.strings().withChars("ab").ofMinLength(60).ofMaxLength(66);
        return Arbitraries.oneOf(label, longLabel.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l)),
                label.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l)));
    }
}
