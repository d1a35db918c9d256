package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every paste first takes a cheap pass that decides whether it can hold line wrapping at all; only then is it split
 * into lines. The shortcut must never change what comes out: pastes built from the pieces wrapping is made of
 * (prompts, list prefixes, snapshot nodes, chunk sizes, markup, digits, odd blanks) unwrap the same either way.
 */
class CapturesShortcutPropertiesTest {
    private static final List<String> PREFIXES = List.of("#> ", ">> ", "> ", "< ", "add list=x address=", "  - ",
            "- strong: ", "- text: ", "- /url: ", "", "", "\u2003#>", ">>>\u2003 ", "a=", "x y=");
    private static final List<String> BODIES = List.of("Ashburn", "<p>523</p>", "Ray ID 8b2e", "Transfer-Encoding: chunked",
            "transfer-encoding:chunked", "1a2f", "0", "=", ">", "a b", "\t", "", "\u2003", "heading \"Error\" [level=1]");
    @Property(tries = 4000)
    void theShortcutNeverChangesWhatUnwrappingGives(@ForAll("pastes") String paste) {
        assertEquals(Captures.withoutLineWrapping(paste), Captures.unwrap(paste));
    }

    @Example
    void aConsoleCaptureStillLosesItsPrompt() {
        String paste = "#> <html>\n#> <title>x</title>\n#> <p>a</p>\n#> <p>b</p>\n#> </html>\n";
        assertNotEquals(paste, Captures.unwrap(paste));
        assertEquals(Captures.withoutLineWrapping(paste), Captures.unwrap(paste));
    }

    @Provide
    Arbitrary<String> pastes() {
        Arbitrary<String> line = Arbitraries.of(PREFIXES).list().ofSize(1)
                .flatMap(p -> Arbitraries.of(BODIES).list().ofMaxSize(3).map(b -> p.get(0) + String.join(" ", b)));
        Arbitrary<String> repeated = Arbitraries.of(PREFIXES).flatMap(prefix -> Arbitraries.of(BODIES)
                .map(body -> prefix + body).list().ofMinSize(3).ofMaxSize(8).map(l -> String.join("\n", l)));
        Arbitrary<String> block = Arbitraries.oneOf(line, repeated);
        return block.list().ofMaxSize(6).flatMap(blocks -> Arbitraries.of("\n", "\r\n")
                .map(newline -> String.join(newline, blocks)));
    }
}
