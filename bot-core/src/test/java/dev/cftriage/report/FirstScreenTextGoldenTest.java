package dev.cftriage.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.testing.Goldens;
import dev.cftriage.testing.TypicalReports;
import dev.cftriage.testing.TypicalReports.Typical;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The terminal's first screen for typical reports, pinned by golden files: the verdict leads, what to do comes
 * second, and the whole answer fits the first screen.
 */
class FirstScreenTextGoldenTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"refused", "black-holed", "self-signed", "hidden-origin-changed-code", "nxdomain-1016",
            "healthy-origin-firewall"})
    void theFirstScreenOfATypicalReportLeadsWithTheVerdictAndFitsTheScreen(String scenario) {
        Typical typical = TypicalReports.make(scenario, dir);
        ReportView view = ReportView.of(typical.report());
        String text = FirstScreenText.render(view);
        List<String> lines = text.lines().toList();

        assertTrue(lines.get(0).startsWith(view.mark().symbol()) && lines.get(0).contains(view.verdict()), text);
        assertTrue(lines.get(1).startsWith("Do this first: "), text);
        assertTrue(lines.size() <= FirstScreenText.MAX_LINES, lines.size() + " lines:\n" + text);
        assertFalse(text.contains("%") || text.matches("(?s).*\\[[01]\\.\\d\\d .*"), "no percentages or scores up front");
        Goldens.assertMatches("cli/" + scenario + ".txt", Goldens.stable(text, typical.placeholders()));
    }
}
