package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gate before the paste parser for unprompted triage: cheap checks first, few parses at once. */
class PasteGateTest {
    private final PasteGate gate = new PasteGate();
    private final List<String> parsed = new CopyOnWriteArrayList<>();

    @Test
    void messageOfFortyThousandSigmasNeverReachesTheParser() {
        assertFalse(gate.describesError("Σ".repeat(40_000), this::parse));
        assertFalse(gate.describesError("İ".repeat(40_000) + " 52", this::parse));
        assertTrue(parsed.isEmpty());
    }

    @Test
    void messageWithACodeReachesTheParserAndOneOverTheCapDoesNot() {
        assertTrue(gate.describesError("Error 523 on example.com", this::parse));
        assertTrue(gate.describesError("Error code ５２３", this::parse), "any script's digits count");
        assertFalse(gate.describesError("Error 523 " + "x".repeat(PasteGate.MAX_CHARS), this::parse));
        assertEquals(List.of("Error 523 on example.com", "Error code ５２３"), parsed);
    }

    @Test
    void whileTwoParsesRunAThirdMessageIsSkippedNotQueued() throws Exception {
        CountDownLatch inside = new CountDownLatch(PasteGate.MAX_CONCURRENT);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(PasteGate.MAX_CONCURRENT);
        try {
            List<Future<Boolean>> running = new CopyOnWriteArrayList<>();
            for (int i = 0; i < PasteGate.MAX_CONCURRENT; i++) {
                running.add(threads.submit(() -> gate.describesError("Error 523", text -> {
                    inside.countDown();
                    await(release);
                    return true;
                })));
            }
            assertTrue(inside.await(10, TimeUnit.SECONDS));

            assertFalse(gate.describesError("Error 524 on example.com", this::parse));
            assertTrue(parsed.isEmpty());

            release.countDown();
            for (Future<Boolean> f : running) {
                assertTrue(f.get(10, TimeUnit.SECONDS));
            }
            assertTrue(gate.describesError("Error 524 on example.com", this::parse), "permits come back");
        } finally {
            threads.shutdownNow();
        }
    }

    private boolean parse(String text) {
        parsed.add(text);
        return true;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
