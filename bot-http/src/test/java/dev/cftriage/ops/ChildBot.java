package dev.cftriage.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot's main class run in a JVM of its own with the given environment, as an orchestrator runs it, with its own
 * logback.xml: its output (standard output and error, where its log goes) is written to a file, read whole by
 * {@link #log()}, and the port it says it listens on is read from it.
 */
public final class ChildBot implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("(?:listening on port|metrics and health on port) (\\d+)");

    public final Process process;
    private final Path output;

    private ChildBot(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code mainClass} on this JVM's class path with the environment added to this process's. */
    public static ChildBot start(Class<?> mainClass, Map<String, String> env) throws IOException {
        Path output = Files.createTempFile("child-bot", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The bot's own logback.xml, not a test configuration that a test jar brings onto the class path.
                "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), mainClass.getName());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        return new ChildBot(builder.start(), output);
    }

    /** The port the bot said it listens on, waiting at most 30 s for it. */
    public int port() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            for (String line : log()) {
                Matcher port = PORT.matcher(line);
                if (port.find()) {
                    return Integer.parseInt(port.group(1));
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the bot named no port; its output:\n" + String.join("\n", log()));
    }

    /** Every line the bot has written so far. */
    public List<String> log() {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(output);
    }
}
