package dev.cftriage.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot's main class run in a JVM of its own with the given environment, as an orchestrator runs it: its output
 * (standard output and error, where its log goes) is kept, and the port it says it listens on is read from it.
 */
public final class ChildBot implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("(?:listening on port|metrics and health on port) (\\d+)");

    public final Process process;
    public final List<String> log = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Integer> ports = new LinkedBlockingQueue<>();

    private ChildBot(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.add(line);
                    Matcher port = PORT.matcher(line);
                    if (port.find()) {
                        ports.add(Integer.parseInt(port.group(1)));
                    }
                }
            } catch (IOException e) {
                log.add("(log ended: " + e + ")");
            }
        }, "child-bot-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} on this JVM's class path with the environment added to this process's. */
    public static ChildBot start(Class<?> mainClass, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        return new ChildBot(builder.start());
    }

    /** The port the bot said it listens on, waiting at most 30 s for it. */
    public int port() throws InterruptedException {
        Integer port = ports.poll(30, TimeUnit.SECONDS);
        if (port == null) {
            throw new AssertionError("the bot named no port; its log:\n" + String.join("\n", log));
        }
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
