package dev.cftriage.bench;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageListener;
import dev.cftriage.TriageRequest;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.report.ProbeLine;
import dev.cftriage.report.TriageReport;
import dev.cftriage.testing.BlackHoleServer;
import dev.cftriage.testing.Engines;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import dev.cftriage.testing.TestDnsServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine end to end on loopback, printing Markdown tables for BENCHMARKS.md:
 * <ol>
 *   <li>per fault scenario (budget 1 s): the triage's wall time, the slowest single probe, their ratio and the
 *       target {@code triage ≤ 1.2 × slowest probe + 50 ms};
 *   <li>500 concurrent triages over 50 targets, once with slow and once with silent origins: p50 / p99, probe runs that really happened (counted with a
 *       {@link TriageListener}), peak heap and peak thread count.
 * </ol>
 * Only loopback: fault servers on 127.77.x.y, an in-process DNS server on 127.0.0.1. Run with
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.cftriage.bench.EngineBenchmark}.
 */
public final class EngineBenchmark {
    private static final Duration BUDGET = Duration.ofSeconds(1);
    private static final int REPEATS = 5;
    private static final int CONCURRENT = 500;
    private static final int TARGETS = 50;

    private EngineBenchmark() {
    }

    /** A fault to triage: its servers, the settings and the text of the request. */
    private record Scenario(String name, List<AutoCloseable> servers, TriageConfig config, int code, String text) {
    }

    /** Starts the servers of a scenario. */
    private interface Setup {
        Scenario start() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "cf-triage engine benchmark: %d cores, Java %s, max heap %d MB%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        faults();
        System.out.println();
        load("origins answer after 100 ms", Behaviour.SLOW);
        System.out.println();
        load("origins accept and never answer", Behaviour.SILENT);
    }

    private static Scenario origin(String name, int code, Behaviour behaviour, Duration delay, int port) throws Exception {
        InetAddress address = LoopbackAddresses.next();
        FaultServer server = FaultServer.start(address, port, behaviour, delay);
        return new Scenario(name, List.<AutoCloseable>of(server),
                Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(port)).build(), code, address.getHostAddress());
    }

    private static Scenario resolver(String name, TestDnsServer dns, String resolver) {
        return new Scenario(name, dns == null ? List.<AutoCloseable>of() : List.<AutoCloseable>of(dns),
                Engines.loopbackLab(BUDGET).toBuilder().resolvers(List.of(resolver)).build(), 523,
                "stuck.example.test");
    }

    private static List<Setup> scenarios() {
        return List.of(
                () -> origin("healthy origin (200)", 521, Behaviour.OK, Duration.ZERO, 8080),
                () -> origin("origin answers 502", 502, Behaviour.BAD_GATEWAY, Duration.ZERO, 8080),
                () -> origin("slow origin (300 ms)", 524, Behaviour.SLOW, Duration.ofMillis(300), 8080),
                () -> {
                    InetAddress nobody = LoopbackAddresses.next();
                    return new Scenario("nothing listening (refused)", List.of(),
                            Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8080)).build(), 521,
                            nobody.getHostAddress());
                },
                () -> {
                    InetAddress address = LoopbackAddresses.next();
                    BlackHoleServer hole = BlackHoleServer.start(address, 8080);
                    return new Scenario("black-holed origin", List.<AutoCloseable>of(hole),
                            Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8080)).build(), 522,
                            address.getHostAddress());
                },
                () -> origin("silent origin", 524, Behaviour.SILENT, Duration.ZERO, 8080),
                () -> origin("dribble, 1 byte/s", 524, Behaviour.DRIBBLE, Duration.ofSeconds(1), 8080),
                () -> origin("TLS stall on 8443", 525, Behaviour.SILENT, Duration.ZERO, 8443),
                () -> origin("endless body", 520, Behaviour.ENDLESS_BODY, Duration.ZERO, 8080),
                () -> {
                    TestDnsServer dns = TestDnsServer.start();
                    dns.silent("stuck.example.test");
                    return resolver("silent resolver", dns, dns.address());
                },
                () -> resolver("dead resolver (port closed)", null, LoopbackAddresses.next().getHostAddress() + ":53"));
    }

    private static void faults() throws Exception {
        System.out.printf(Locale.ROOT, "Fault scenarios (budget %d ms, median of %d runs; each run probes afresh)%n%n",
                BUDGET.toMillis(), REPEATS);
        System.out.println("| scenario | triage ms | slowest probe ms | ratio | triage − budget ms | ≤ 1.2 × slowest + 50 ms |");
        System.out.println("|---|---:|---:|---:|---:|:---:|");
        warmUp();
        for (Setup setup : scenarios()) {
            Scenario s = setup.start();
            long[] triage = new long[REPEATS];
            long[] slowest = new long[REPEATS];
            try (CfTriage engine = CfTriage.create(s.config())) {
                for (int i = 0; i < REPEATS; i++) {
                    long start = System.nanoTime();
                    TriageReport r = engine.run(TriageRequest.of(s.code(), s.text()).asFresh());
                    triage[i] = (System.nanoTime() - start) / 1_000_000L;
                    slowest[i] = r.probeLines().stream().mapToLong(ProbeLine::durationMs).max().orElse(0);
                }
            } finally {
                for (AutoCloseable c : s.servers()) {
                    c.close();
                }
            }
            long t = median(triage);
            long p = median(slowest);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %d | %s |%n", s.name(), t, p,
                    p == 0 ? 0.0 : (double) t / p, t - BUDGET.toMillis(), t <= 1.2 * p + 50 ? "yes" : "**no**");
        }
    }

    /** One untimed pass over a healthy origin so that the first row does not pay for class loading and the JIT. */
    private static void warmUp() throws Exception {
        Scenario s = origin("warm-up", 521, Behaviour.OK, Duration.ZERO, 8080);
        try (CfTriage engine = CfTriage.create(s.config())) {
            for (int i = 0; i < 20; i++) {
                engine.run(TriageRequest.of(s.code(), s.text()).asFresh());
            }
        } finally {
            for (AutoCloseable c : s.servers()) {
                c.close();
            }
        }
    }

    private static void load(String origins, Behaviour behaviour) throws Exception {
        List<FaultServer> servers = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            servers.add(FaultServer.start(LoopbackAddresses.next(), 8080, behaviour, Duration.ofMillis(100)));
        }
        AtomicInteger runs = new AtomicInteger();
        TriageListener counting = new TriageListener() {
            @Override
            public void probeRunStarted(String host) {
                runs.incrementAndGet();
            }

            @Override
            public void probeRunFinished(String host) {
                // counted at the start
            }
        };
        TriageConfig config = Engines.loopbackLab(BUDGET).toBuilder().ports(List.of(8080)).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long[] latency = new long[CONCURRENT];
        AtomicInteger failed = new AtomicInteger();
        long wall;
        int engineThreads;
        try (CfTriage engine = CfTriage.create(config, counting)) {
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            threads.resetPeakThreadCount();
            CountDownLatch ready = new CountDownLatch(CONCURRENT);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                int n = i;
                String host = servers.get(n % TARGETS).address().getHostAddress();
                Thread t = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        long start = System.nanoTime();
                        TriageReport r = engine.run(TriageRequest.of(524, host));
                        latency[n] = (System.nanoTime() - start) / 1_000_000L;
                        if (!r.verified()) {
                            failed.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }, "bench-client-" + n);
                clients.add(t);
                t.start();
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Thread t : clients) {
                t.join();
            }
            wall = (System.nanoTime() - start) / 1_000_000L;
            engineThreads = (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("cf-triage-") || t.getName().startsWith("OkHttp")).count();
        } finally {
            for (FaultServer s : servers) {
                s.close();
            }
        }
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        long p50 = sorted[sorted.length / 2];
        long p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
        System.out.printf(Locale.ROOT, "Load: %d concurrent triages over %d targets (%s, budget %d ms)%n%n",
                CONCURRENT, TARGETS, origins, BUDGET.toMillis());
        System.out.println("| figure | value | target | met |");
        System.out.println("|---|---:|---:|:---:|");
        System.out.printf(Locale.ROOT, "| wall time for all | %d ms | | |%n", wall);
        System.out.printf(Locale.ROOT, "| p50 | %d ms | | |%n", p50);
        System.out.printf(Locale.ROOT, "| p99 | %d ms | < 2000 ms | %s |%n", p99, p99 < 2000 ? "yes" : "**no**");
        System.out.printf(Locale.ROOT, "| max | %d ms | | |%n", sorted[sorted.length - 1]);
        System.out.printf(Locale.ROOT, "| probe runs | %d | ≤ %d | %s |%n", runs.get(), TARGETS, runs.get() <= TARGETS ? "yes" : "**no**");
        System.out.printf(Locale.ROOT, "| triages without live evidence or failed | %d | 0 | %s |%n", failed.get(), failed.get() == 0 ? "yes" : "**no**");
        System.out.printf(Locale.ROOT, "| peak heap used | %d MB | < 256 MB | %s |%n", peakHeap, peakHeap < 256 ? "yes" : "**no**");
        System.out.printf(Locale.ROOT, "| peak threads (JVM, incl. %d client threads) | %d | | |%n", CONCURRENT, threads.getPeakThreadCount());
        System.out.printf(Locale.ROOT, "| engine threads alive after the burst | %d | | |%n", engineThreads);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
