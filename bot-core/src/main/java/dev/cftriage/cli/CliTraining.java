package dev.cftriage.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The build's training run of the command line, for the class-data archive the launcher starts it with: run under
 * {@code -XX:ArchiveClassesAtExit}, it drives {@link Main} through what users run — an offline explanation in text
 * and JSON, and a live triage of a healthy origin it serves itself on 127.0.0.1 — so that the archive holds the
 * classes those paths load. Touches nothing but loopback: Cloudflare's API and status page point at a closed
 * loopback port. Exits non-zero when a run fails, which fails the build.
 */
public final class CliTraining {
    /** Cloudflare's proxied plain-HTTP ports, tried in turn for the origin. */
    private static final List<Integer> HTTP_PORTS = List.of(8880, 2052, 2082, 2086, 2095, 8080, 80);
    private static final Map<String, String> ENV = Map.of(
            "CLOUDFLARE_API_URL", "http://127.0.0.1:9/", "CLOUDFLARE_STATUS_URL", "http://127.0.0.1:9/");

    private CliTraining() {
    }

    /** Runs the training; the archive is written when the JVM exits. */
    public static void main(String[] args) throws IOException {
        run("--offline", "521 example.test");
        run("--offline", "--json", "522 example.test");
        HttpServer origin = healthyOrigin();
        if (origin == null) {
            System.err.println("cf-triage training: no free HTTP port on 127.0.0.1 among " + HTTP_PORTS
                    + "; the archive covers the offline path only");
            return;
        }
        try {
            run("--allow-target", "127.0.0.1/32", "--port", String.valueOf(origin.getAddress().getPort()), "521 127.0.0.1");
        } finally {
            origin.stop(0);
        }
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int status = Main.execute(args, ENV, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (status != 0) {
            throw new IllegalStateException("cf-triage " + String.join(" ", args) + " exited " + status + ": " + err);
        }
    }

    /** A server answering 200 on the first free port of {@link #HTTP_PORTS}, or null when none is free. */
    private static HttpServer healthyOrigin() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int port : HTTP_PORTS) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
                server.createContext("/", exchange -> {
                    byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                return server;
            } catch (BindException e) {
                // taken: try the next port
            }
        }
        return null;
    }
}
