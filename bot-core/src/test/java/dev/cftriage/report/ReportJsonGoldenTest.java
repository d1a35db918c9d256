package dev.cftriage.report;

import dev.cftriage.testing.Goldens;
import dev.cftriage.testing.TypicalReports;
import dev.cftriage.testing.TypicalReports.Typical;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON report is a contract: the full JSON of typical reports is pinned by golden files, so a change to an
 * internal record cannot change what {@code --json} prints without a reviewed golden diff.
 */
class ReportJsonGoldenTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"refused", "black-holed", "self-signed", "hidden-origin-changed-code", "nxdomain-1016",
            "healthy-origin-firewall", "api-strict-self-signed", "api-tunnel-status-ray"})
    void theJsonOfATypicalReportMatchesItsGoldenFile(String scenario) {
        Typical typical = TypicalReports.make(scenario, dir);
        String json = ReportJson.write(typical.report());
        Goldens.assertMatches("json/" + scenario + ".json", Goldens.stable(json, typical.placeholders()) + "\n");
    }
}
