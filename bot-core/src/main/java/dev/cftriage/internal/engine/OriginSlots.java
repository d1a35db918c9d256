package dev.cftriage.internal.engine;

import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeContext;
import dev.cftriage.internal.evidence.ProbeFacts;
import dev.cftriage.internal.evidence.ProbeKind;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.cftriage.internal.net.VettedAddress;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on the probes connecting to one origin address at once, so that a flood of triages of many hosts
 * behind one origin never turns cf-triage into a load generator. One fair semaphore per address, held by
 * Caffeine with weak values: an address nobody is probing costs nothing, and one being probed keeps its
 * semaphore. Thread-safe.
 */
final class OriginSlots {
    /** Probes connected to one origin address at once, at most. */
    static final int PER_ORIGIN = 8;

    private final LoadingCache<String, Semaphore> slots = Caffeine.newBuilder()
            .weakValues()
            .build(address -> new Semaphore(PER_ORIGIN, true));

    /** Wraps the probe so that it runs only while holding one of the address's slots. */
    Probe bound(VettedAddress address, Probe probe) {
        return new Bounded(slots.get(address.text()), probe);
    }

    /**
     * A probe that first takes a slot of its origin, waiting at most its usable budget; when none frees up in time
     * it fails with "too many concurrent probes to this origin" (an {@code error} result). The slot is always
     * given back.
     */
    private record Bounded(Semaphore slots, Probe probe) implements Probe {

        @Override
        public ProbeKind kind() {
            return probe.kind();
        }

        @Override
        public String target() {
            return probe.target();
        }

        @Override
        public ProbeFacts run(ProbeContext context) throws Exception {
            if (!slots.tryAcquire(context.usableMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("too many concurrent probes to this origin (" + PER_ORIGIN
                        + " at once); nothing was checked");
            }
            try {
                return probe.run(context);
            } finally {
                slots.release();
            }
        }
    }
}
