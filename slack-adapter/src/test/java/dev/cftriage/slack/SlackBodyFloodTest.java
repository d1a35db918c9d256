package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.http.RawHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thirty concurrent 10 MB bodies against the Slack bot running in a child JVM with a 256 MB heap that exits on
 * OutOfMemoryError: the bot must refuse each without running out of memory and still answer a signed command.
 */
class SlackBodyFloodTest {
    private static final int BODIES = 30;
    private static final long BODY_BYTES = 10L << 20;
    private static final String FORGED = "X-Slack-Signature: v0=" + "0".repeat(64) + "\r\n";

    @TempDir
    Path dir;

    @Test
    void thirtyConcurrentTenMegabyteBodiesLeaveTheBotRunningWithin256MegabytesOfHeap() throws Exception {
        Path stderr = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                FloodTargetMain.class.getName())
                .redirectError(stderr.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = child.getOutputStream()) {
            int port = Integer.parseInt(lineStartingWith(out, "PORT "));

            List<String> outcomes = flood(port);

            assertTrue(child.isAlive(), "the bot survived");
            assertTrue(outcomes.stream().allMatch(o -> o.equals("413") || o.equals("reset")), outcomes.toString());
            assertTrue(outcomes.contains("413"), outcomes.toString());
            assertEquals(200, new SlackRequests(port).command("/cf523", "example.com", SlackRequests.CHANNEL,
                    "http://127.0.0.1:9/respond").statusCode(), "and still acknowledges a signed command");
            in.write("heap\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            long peak = Long.parseLong(lineStartingWith(out, "PEAK "));
            System.out.printf("%d concurrent %d MB bodies: %d answered 413, %d reset after the answer; child heap peak "
                    + "(sum of pool peaks) %d MB at -Xmx256m%n", BODIES, BODY_BYTES >> 20,
                    outcomes.stream().filter("413"::equals).count(), outcomes.stream().filter("reset"::equals).count(),
                    peak >> 20);
        } finally {
            child.destroy();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        assertFalse(Files.readString(stderr).contains("OutOfMemoryError"), Files.readString(stderr));
    }

    /** The rest of the child's next line that starts with the prefix; lines before it (logback's status) are skipped. */
    private static String lineStartingWith(BufferedReader out, String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new AssertionError("the child ended before saying " + prefix.strip());
    }

    /** Sends the bodies at once, half declared by length, half chunked; each one's status, or "reset". */
    private static List<String> flood(int port) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(BODIES);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < BODIES; i++) {
                boolean chunked = i % 2 == 0;
                sent.add(threads.submit(() -> oneBody(port, chunked)));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : sent) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String oneBody(int port, boolean chunked) throws IOException {
        try (RawHttp raw = new RawHttp(port)) {
            raw.postHeaders(SlackHttpServer.PATH, "X-Slack-Request-Timestamp: " + SlackRequests.now() + "\r\n" + FORGED
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + BODY_BYTES + "\r\n"));
            byte[] block = "z".repeat(0x10000).getBytes(StandardCharsets.US_ASCII);
            byte[] frame = chunked ? ("10000\r\n" + "z".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII) : block;
            try {
                for (long n = 0; n < BODY_BYTES; n += block.length) {
                    raw.send(frame);
                }
            } catch (IOException stoppedByTheServer) {
                // the server answered and closed; its answer may still be readable
            }
            try {
                return Integer.toString(raw.response().status());
            } catch (IOException e) {
                return "reset";
            }
        }
    }
}
