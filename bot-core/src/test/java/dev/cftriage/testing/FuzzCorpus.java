package dev.cftriage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The seed pastes for fuzzing: every paste fixture under {@code pastes/} and the error pages captured in the wild
 * under {@code real-pages/} (the corpus of issue 16), as listed in {@code fuzz/seeds.txt}. Read
 * from the classpath, so that the adapters' tests get them from bot-core's test jar.
 */
public final class FuzzCorpus {
    private static final String INDEX = "/fuzz/seeds.txt";

    private FuzzCorpus() {
    }

    /**
     * Every seed's text, in the index's order.
     *
     * @throws IllegalStateException when the index names a file that is not on the classpath
     */
    public static List<String> seeds() {
        return read(INDEX).lines().map(String::strip).filter(line -> !line.isEmpty()).map(name -> read("/" + name)).toList();
    }

    private static String read(String resource) {
        try (InputStream in = FuzzCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no fuzz seed " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
