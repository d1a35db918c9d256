package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cftriage.testing.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accuracy table of the scenario suite: runs every {@link FaultClassScenarios} scenario, prints one row per
 * scenario (fault class, scenario, expected cause, cause ranked first) and the share right, and writes the table to
 * {@code target/accuracy-table.md}. Run it with {@code mvn -pl bot-core test -Dtest=AccuracyTableTest}; it fails
 * when a row is wrong, naming the rows.
 */
class AccuracyTableTest {

    @Test
    void everyScenarioRanksItsExpectedCauseFirst() throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Scenario scenario : FaultClassScenarios.all()) {
            String got = Scenario.top(scenario.run());
            boolean right = got.equals(scenario.expected());
            rows.add("| " + scenario.faultClass() + " | " + scenario.sentence() + " | " + scenario.expected() + " | " + got
                    + " | " + (right ? "yes" : "**no**") + " |");
            if (!right) {
                wrong.add(scenario.sentence() + ": got " + got);
            }
        }
        String table = "| class | scenario | expected | got | right |\n|---|---|---|---|---|\n" + String.join("\n", rows)
                + "\n\n" + (rows.size() - wrong.size()) + " of " + rows.size() + " scenarios rank the expected cause first.\n";
        System.out.println(table);
        write(table);
        assertEquals(List.of(), wrong);
    }

    private static void write(String table) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("accuracy-table.md"), table);
        }
    }
}
