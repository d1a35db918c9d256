package dev.cftriage.testing;

import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.report.TriageReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.tls.HeldCertificate;

/**
 * One scenario's loopback world: an in-process DNS server the engine resolves through, the servers the scenario
 * starts (closed with the lab), a Cloudflare ranges file naming the loopback addresses that play Cloudflare's edge,
 * and engine settings that may probe 127.0.0.0/8 and ::1 on the ports the scenario picks. Nothing leaves loopback.
 * Not thread-safe: one scenario at a time.
 */
public final class Lab implements AutoCloseable {
    /** The budget of a scenario's triage. */
    public static final Duration BUDGET = Duration.ofMillis(2500);

    private final TestDnsServer dns = TestDnsServer.start();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> edgeRanges = new ArrayList<>();
    private final Path dir;
    private TriageConfig config;

    public Lab() {
        try {
            dir = Files.createTempDirectory("cf-triage-lab");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config = Engines.loopbackLab(BUDGET)
                .toBuilder().resolvers(List.of(dns.address()))
                .allowTargets(List.of("127.0.0.0/8", "::1/128")).build();
    }

    /** The DNS server the engine asks. */
    public TestDnsServer dns() {
        return dns;
    }

    /** A loopback address no other scenario uses. */
    public InetAddress address() {
        return LoopbackAddresses.next();
    }

    /** IPv6 loopback, {@code ::1}. */
    public static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByName("::1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a server open until the lab closes; returns it. */
    public <T extends AutoCloseable> T keep(T server) {
        open.add(server);
        return server;
    }

    /** The origin ports to probe. */
    public Lab ports(Integer... ports) {
        config = config.toBuilder().ports(List.of(ports)).build();
        return this;
    }

    /** Trusts {@code root} as the extra CA a valid origin certificate chains to. */
    public Lab trust(HeldCertificate root) {
        config = config.toBuilder().caFile(write("ca.pem", root.certificatePem())).build();
        return this;
    }

    /** Counts {@code address} as one of Cloudflare's (an edge, or an origin record pointing into Cloudflare). */
    public Lab cloudflare(InetAddress address) {
        edgeRanges.add(address.getHostAddress() + "/32");
        config = config.toBuilder().cloudflareRanges(write("ranges.txt", String.join("\n", edgeRanges) + "\n")).build();
        return this;
    }

    /** Any other change to the engine's settings. */
    public Lab configure(UnaryOperator<TriageConfig> change) {
        config = change.apply(config);
        return this;
    }

    /** Triages the request with the lab's settings. */
    public TriageReport triage(TriageRequest request) {
        try (CfTriage engine = CfTriage.create(config)) {
            return engine.run(request);
        }
    }

    /** Triages a code (or none) and a text. */
    public TriageReport triage(Integer code, String text) {
        return triage(new TriageRequest(text, code, List.of()));
    }

    /** A test resource's text. */
    public static String resource(String name) {
        try (InputStream in = Lab.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An origin's answer from {@code /origin-answers/}, its head's line ends made CRLF as on the wire. */
    public static String originAnswer(String name) {
        String text = resource("/origin-answers/" + name);
        int blank = text.indexOf("\n\n");
        return text.substring(0, blank).replace("\n", "\r\n") + "\r\n\r\n" + text.substring(blank + 2);
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable server : open) {
            server.close();
        }
        dns.close();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
