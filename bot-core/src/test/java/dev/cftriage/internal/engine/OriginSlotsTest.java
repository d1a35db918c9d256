package dev.cftriage.internal.engine;

import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.VettedLoopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.net.VettedAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OriginSlotsTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final OriginSlots slots = new OriginSlots();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A probe that holds its slot until the gate opens, counting how many run at once and signalling each entry. */
    private record Gated(CountDownLatch gate, AtomicInteger running, AtomicInteger peak, Semaphore entered) implements Probe {
        Gated(CountDownLatch gate) {
            this(gate, new AtomicInteger(), new AtomicInteger(), new Semaphore(0));
        }

        @Override
        public ProbeKind kind() {
            return ProbeKind.ORIGIN_TCP;
        }

        @Override
        public String target() {
            return "gate";
        }

        @Override
        public ProbeFacts run(ProbeContext context) throws Exception {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            entered.release();
            try {
                gate.await(5, TimeUnit.SECONDS);
                return new TcpFacts("127.0.0.1", 8080, TcpOutcome.CONNECTED, 0, null);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private List<Future<ProbeFacts>> start(VettedAddress address, int count, Gated probe) {
        List<Future<ProbeFacts>> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(threads.submit(() -> slots.bound(address, probe).run(Deadlines.budget(5000))));
        }
        return runs;
    }

    private static void awaitRunning(Gated probe, int count) throws InterruptedException {
        assertTrue(probe.entered().tryAcquire(count, 10, TimeUnit.SECONDS), count + " probes took a slot");
    }

    @Test
    void aProbeFindingEverySlotOfItsOriginTakenFailsByItsDeadlineSayingSo() throws Exception {
        VettedAddress origin = VettedLoopback.next();
        Gated held = new Gated(new CountDownLatch(1));
        List<Future<ProbeFacts>> holders = start(origin, OriginSlots.PER_ORIGIN, held);
        awaitRunning(held, OriginSlots.PER_ORIGIN);

        Probe extra = slots.bound(origin, new Gated(new CountDownLatch(0)));
        IllegalStateException busy = assertThrows(IllegalStateException.class, () -> extra.run(Deadlines.budget(300)),
                "gave up within its budget: the held slots are given back only below");
        assertTrue(busy.getMessage().contains("too many concurrent probes to this origin"), busy.getMessage());

        held.gate().countDown();
        for (Future<ProbeFacts> f : holders) {
            assertNotNull(f.get(5, TimeUnit.SECONDS));
        }
        assertNotNull(extra.run(Deadlines.budget(300)), "the slots were given back");
    }

    @Test
    void noMoreThanTheBoundRunAtOnceAgainstOneOriginWhileOtherOriginsAreUnaffected() throws Exception {
        VettedAddress busy = VettedLoopback.next();
        Gated crowd = new Gated(new CountDownLatch(1));
        List<Future<ProbeFacts>> runs = start(busy, OriginSlots.PER_ORIGIN * 3, crowd);
        awaitRunning(crowd, OriginSlots.PER_ORIGIN);

        Probe elsewhere = slots.bound(VettedLoopback.next(),
                new Gated(new CountDownLatch(0)));
        assertNotNull(elsewhere.run(Deadlines.budget(300)), "another origin has slots of its own");

        crowd.gate().countDown();
        for (Future<ProbeFacts> f : runs) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertEquals(OriginSlots.PER_ORIGIN, crowd.peak().get());
    }

    @Test
    void aSlotIsGivenBackWhenTheProbeThrows() throws Exception {
        VettedAddress origin = VettedLoopback.next();
        Probe failing = new Probe() {
            @Override
            public ProbeKind kind() {
                return ProbeKind.ORIGIN_TCP;
            }

            @Override
            public String target() {
                return "x";
            }

            @Override
            public ProbeFacts run(ProbeContext context) {
                throw new IllegalArgumentException("boom");
            }
        };
        for (int i = 0; i < OriginSlots.PER_ORIGIN + 1; i++) {
            assertThrows(IllegalArgumentException.class, () -> slots.bound(origin, failing).run(Deadlines.budget(200)));
        }
    }
}
