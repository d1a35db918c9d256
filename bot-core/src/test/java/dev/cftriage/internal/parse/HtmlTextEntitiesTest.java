package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cftriage.testing.PasteFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle for moving {@link HtmlText}'s named character references to jsoup's table: on every existing paste
 * fixture the new decoding gives exactly what the hand-written table of 13 names gave, and names beyond those 13 now
 * decode.
 */
class HtmlTextEntitiesTest {
    /** The table {@link HtmlText} used before jsoup's: the oracle. */
    private static final Map<String, String> LEGACY = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("hellip", "…"), Map.entry("rsquo", "'"), Map.entry("lsquo", "'"));

    static Stream<String> fixtures() {
        List<String> names = new ArrayList<>(Fixtures.PASTES);
        names.addAll(List.of("classes/custom-page-box-522-frankfurt.html", "classes/host-restricted-title.html",
                "classes/genuine-indented-box.html", "classes/fake-styled-5xx-no-ray.html"));
        return names.stream();
    }

    @Test
    void everyNameOfTheOldTableDecodesAsBefore() {
        LEGACY.forEach((name, value) -> assertEquals(value, HtmlText.decode("&" + name + ";"), name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyExistingFixtureReadsAsWithTheOldTable(String fixture) {
        String text = PasteFixtures.read(fixture);
        assertEquals(legacyDecode(text), HtmlText.decode(text));
    }

    @Test
    void namesBeyondTheOldTableNowDecode() {
        assertEquals("café © → Zürich ½", HtmlText.decode("caf&eacute; &copy; &rarr; Z&uuml;rich &frac12;"));
        assertEquals("∳", HtmlText.decode("&CounterClockwiseContourIntegral;"));
    }

    @Test
    void unknownNamesAndBareAmpersandsStayAsWritten() {
        assertEquals("&nosuchentity; & &amp", HtmlText.decode("&nosuchentity; &amp; &amp"));
    }

    /** The old decoder: numeric references and the 13 names, else the ampersand as written. */
    private static String legacyDecode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i) : -1;
            String value = semi > i && semi <= i + 10 ? legacyValue(text.substring(i + 1, semi)) : null;
            if (value == null) {
                out.append(c);
                i++;
            } else {
                out.append(value);
                i = semi + 1;
            }
        }
        return out.toString();
    }

    private static String legacyValue(String name) {
        if (!name.startsWith("#")) {
            return LEGACY.get(name);
        }
        boolean hex = name.startsWith("#x") || name.startsWith("#X");
        try {
            int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return name.length() > (hex ? 9 : 8) || cp == 0 || !Character.isValidCodePoint(cp) ? null : new String(Character.toChars(cp));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
