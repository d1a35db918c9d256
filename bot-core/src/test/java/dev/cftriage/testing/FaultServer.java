package dev.cftriage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-TCP origin that misbehaves on purpose, on a loopback address the test chooses. It reads the request
 * head, then acts out its {@link Behaviour}. Counts accepted connections so tests can prove a connection was (or
 * was not) made. Close it to stop it.
 */
public final class FaultServer implements AutoCloseable {

    /** What the server does with each connection. */
    public enum Behaviour {
        /** Answer 200 with a small body. */
        OK,
        /** Answer 502 Bad Gateway, as an origin whose upstream failed. */
        BAD_GATEWAY,
        /** Close the connection without writing a byte. */
        EMPTY_REPLY,
        /** Reset the connection (RST) after reading the request. */
        RESET,
        /** Accept and read, never answer. */
        SILENT,
        /** Answer 200 after {@link FaultServer#delay}. */
        SLOW,
        /** Answer with 40 KB of headers (one 20 KB cookie among them). */
        OVERSIZED_HEADERS,
        /** Send the status line and headers, then the body one byte per {@link FaultServer#delay}. */
        DRIBBLE,
        /** Answer garbage that is not HTTP. */
        GARBAGE,
        /** Answer 200 with a chunked body that never ends, written as fast as the client reads. */
        ENDLESS_BODY,
        /** Answer {@code 302 Found} with {@code Location:} the location it was started with ({@link FaultServer#redirecting}). */
        REDIRECT,
        /** Answer the response the server was started with, byte for byte, then close. */
        CANNED
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final Duration delay;
    /** The redirect target (REDIRECT) or the whole response (CANNED). */
    private final String scripted;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FaultServer(ServerSocket server, Behaviour behaviour, Duration delay, String scripted) {
        this.server = server;
        this.behaviour = behaviour;
        this.delay = delay;
        this.scripted = scripted;
        this.acceptor = new Thread(this::acceptLoop, "fault-server-" + behaviour);
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Starts a server on {@code address:port} with the behaviour; {@code delay} is for SLOW and DRIBBLE. */
    public static FaultServer start(InetAddress address, int port, Behaviour behaviour, Duration delay) throws IOException {
        return new FaultServer(bind(address, port), behaviour, delay, null);
    }

    /**
     * Starts a server that answers every request with {@code response} (status line, headers and body as they go on
     * the wire) and closes the connection.
     */
    public static FaultServer answering(InetAddress address, int port, String response) throws IOException {
        return new FaultServer(bind(address, port), Behaviour.CANNED, Duration.ZERO, response);
    }

    /** Starts a server that answers every request with a redirect to {@code location}. */
    public static FaultServer redirecting(InetAddress address, int port, String location) throws IOException {
        return new FaultServer(bind(address, port), Behaviour.REDIRECT, Duration.ZERO, location);
    }

    private static ServerSocket bind(InetAddress address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 50);
        return socket;
    }

    /** Starts a server with no delay. */
    public static FaultServer start(InetAddress address, int port, Behaviour behaviour) throws IOException {
        return start(address, port, behaviour, Duration.ZERO);
    }

    /** The address the server listens on. */
    public InetAddress address() {
        return server.getInetAddress();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "fault-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            OutputStream out = s.getOutputStream();
            if (!readHead(s.getInputStream()) && behaviour != Behaviour.SILENT) {
                write(out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            switch (behaviour) {
                case OK -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                case BAD_GATEWAY -> write(out, "HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nContent-Type: text/html\r\n"
                        + "Content-Length: 45\r\nConnection: close\r\n\r\n<html><h1>502 Bad Gateway</h1>upstream</html>");
                case EMPTY_REPLY -> { }
                case RESET -> s.setSoLinger(true, 0);
                case SILENT -> sleep(Duration.ofMinutes(5));
                case SLOW -> {
                    sleep(delay);
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nslow");
                }
                case OVERSIZED_HEADERS -> {
                    StringBuilder h = new StringBuilder("HTTP/1.1 200 OK\r\nSet-Cookie: big=").append("x".repeat(20_000)).append("\r\n");
                    for (int i = 0; i < 20; i++) {
                        h.append("X-Filler-").append(i).append(": ").append("y".repeat(1000)).append("\r\n");
                    }
                    write(out, h.append("Content-Length: 0\r\nConnection: close\r\n\r\n").toString());
                }
                case DRIBBLE -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n");
                    for (int i = 0; i < 100_000 && !server.isClosed(); i++) {
                        out.write('.');
                        out.flush();
                        sleep(delay);
                    }
                }
                case GARBAGE -> write(out, "\u0015\u0003\u0001\u0000\u0002\u0002\u0050 this is not http\r\n\r\n");
                case ENDLESS_BODY -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
                    String chunk = Integer.toHexString(8192) + "\r\n" + "x".repeat(8192) + "\r\n";
                    while (!server.isClosed()) {
                        write(out, chunk);
                    }
                }
                case REDIRECT -> write(out, "HTTP/1.1 302 Found\r\nLocation: " + scripted
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                case CANNED -> write(out, scripted);
            }
        } catch (IOException e) {
            // the prober hung up: nothing to do
        } finally {
            open.remove(s);
        }
    }

    /**
     * Reads the request head up to the blank line; false when the client speaks TLS instead (a handshake record),
     * which a plain web server answers with 400 at once (a silent one stays silent).
     */
    static boolean readHead(InputStream in) throws IOException {
        int state = 0;
        int total = 0;
        while (state < 4 && total < 65_536) {
            int b = in.read();
            if (b < 0) {
                return true;
            }
            if (total == 0 && b == 0x16) {
                return false;
            }
            total++;
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return true;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (SocketException e) {
                // already gone
            }
        }
        acceptor.interrupt();
    }
}
