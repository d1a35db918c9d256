package dev.cftriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of bot-core's sources says its job in a package-info.java. */
class PackageInfoTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPackageOpensItsPackageInfoWithASentenceOnItsJob() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            packages = files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).distinct().toList();
        }
        assertFalse(packages.isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), "no package-info.java in " + dir);
            List<String> lines = Files.readAllLines(info);
            assertEquals("/**", lines.get(0), info + " starts with its Javadoc");
            assertTrue(lines.get(1).matches(" \\* \\S.*"), info + " says its job on the Javadoc's first line");
        }
    }
}
