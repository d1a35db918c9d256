package dev.cftriage.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasteDetectionTest {

    @Test
    void aFullQueueDropsTheMessageAtOnceInsteadOfWaiting() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch queuedRan = new CountDownLatch(1);
        try (PasteDetection detection = new PasteDetection(1, 1)) {
            assertTrue(detection.offer("1", () -> {
                running.countDown();
                await(release);
            }));
            assertTrue(running.await(5, TimeUnit.SECONDS));
            assertTrue(detection.offer("2", queuedRan::countDown), "one message may wait");
            assertFalse(detection.offer("3", () -> { }), "the third is dropped: the worker is busy and the queue full");
            release.countDown();
            assertTrue(queuedRan.await(5, TimeUnit.SECONDS), "the queued message is still checked");
        }
    }

    @Test
    void checkThatThrowsDoesNotStopTheWorker() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        try (PasteDetection detection = new PasteDetection(1, 4)) {
            detection.offer("1", () -> {
                throw new IllegalStateException("parser bug");
            });
            detection.offer("2", after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void closedDetectionTakesNothing() {
        PasteDetection detection = new PasteDetection(1, 4);
        detection.close();
        assertFalse(detection.offer("1", () -> { }));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
