package dev.cftriage.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.catalog.ErrorCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fix steps are filled from the evidence, and what the evidence did not give is worded in general terms. */
class TemplatesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    @Test
    void aValueFromTheEvidenceFillsItsPlaceholder() {
        assertEquals("nc -vz 203.0.113.7 8443", Templates.fill("nc -vz {address} {port}",
                Map.of("address", "203.0.113.7", "port", "8443")));
    }

    @Test
    void everyPlaceholderTheCatalogUsesHasGeneralWordsWhenTheEvidenceGaveNoValue() {
        ErrorCatalog catalog = ErrorCatalog.load();
        Set<String> names = new TreeSet<>();
        Stream.concat(catalog.causes().stream().flatMap(c -> c.fix().stream()),
                catalog.codes().stream().flatMap(c -> Stream.of(c.owner(), c.visitor(), c.support()).flatMap(List::stream)))
                .forEach(text -> {
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                });
        assertTrue(names.contains("port") && names.contains("address"), names.toString());
        for (String name : names) {
            String filled = Templates.fill("{" + name + "}", Map.of());
            assertFalse(filled.equals(name) || filled.contains("<") || filled.contains("{"),
                    "{" + name + "} has no general wording: " + filled);
        }
    }
}
