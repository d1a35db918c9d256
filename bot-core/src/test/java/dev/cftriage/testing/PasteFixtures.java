package dev.cftriage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the paste fixtures under {@code src/test/resources/pastes/} (also packaged in bot-core's test jar). */
public final class PasteFixtures {
    private PasteFixtures() {
    }

    /**
     * The fixture's text, e.g. {@code read("523-page.html")}.
     *
     * @throws IllegalArgumentException when there is no such fixture on the classpath
     */
    public static String read(String name) {
        try (InputStream in = PasteFixtures.class.getResourceAsStream("/pastes/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
