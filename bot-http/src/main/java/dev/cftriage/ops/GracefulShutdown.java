package dev.cftriage.ops;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * A bot's answer to TERM (and INT): instead of the JVM's default (shutdown hooks, then exit status 143), runs the
 * bot's stop steps on a thread of its own and exits 0 once they return, or 1 when they throw. The steps stop
 * taking work, let triages in flight finish and post, and close the connections; they must bound their own waits.
 * A second signal while stopping is ignored.
 */
public final class GracefulShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private GracefulShutdown() {
    }

    /** Installs the handler for TERM and INT. */
    public static void onTerm(Stop stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (stopping.compareAndSet(false, true)) {
                    Thread stopper = new Thread(() -> System.exit(run(signal.getName(), stop)), "cf-triage-shutdown");
                    stopper.start();
                }
            });
        }
    }

    private static int run(String signal, Stop stop) {
        LOG.info("SIG{}: no new work; finishing the triages in flight", signal);
        try {
            stop.run();
            LOG.info("stopped cleanly");
            return 0;
        } catch (Exception e) {
            LOG.error("stopping failed", e);
            return 1;
        }
    }

    /** The bot's stop steps. */
    @FunctionalInterface
    public interface Stop {
        void run() throws Exception;
    }
}
