package dev.cftriage.slack;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Slack bot on loopback in a JVM of its own, for tests that must see it under a small heap: prints
 * {@code PORT n} once it listens, answers each {@code heap} line on standard input with {@code PEAK bytes} (the sum
 * of the heap pools' peaks since start, an upper bound of the heap it needed), and exits when standard input ends.
 */
final class FloodTargetMain {

    private FloodTargetMain() {
    }

    public static void main(String[] args) throws Exception {
        try (RunningBot bot = RunningBot.start(new StubBackend(), Duration.ofSeconds(5))) {
            System.out.println("PORT " + bot.http().port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("heap")) {
                    System.out.println("PEAK " + peakHeapBytes());
                    System.out.flush();
                }
            }
        }
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
    }
}
