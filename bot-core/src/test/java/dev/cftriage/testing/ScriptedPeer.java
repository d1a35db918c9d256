package dev.cftriage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP peer that plays a script on every connection it accepts, for the handshake misbehaviours
 * {@link dev.cftriage.testing.FaultServer} (which waits for an HTTP request head first) cannot act out.
 */
public final class ScriptedPeer implements AutoCloseable {

    /** What the peer does with one accepted connection. */
    public interface Script {
        void play(Socket socket) throws IOException, InterruptedException;
    }

    /** Reads what the client sent first (a ClientHello, a request) and closes. */
    public static final Script CLOSE_AFTER_FIRST_BYTES = socket -> readSome(socket.getInputStream());

    /** Never reads or answers until the test ends. */
    public static final Script SILENT = socket -> Thread.sleep(60_000);

    /** Answers a fatal TLS alert (handshake_failure), as a server sharing no cipher with the client does. */
    public static final Script HANDSHAKE_FAILURE_ALERT = socket -> {
        readSome(socket.getInputStream());
        socket.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
        socket.getOutputStream().flush();
        Thread.sleep(1_000);
    };

    /** Answers 400 in plain HTTP as soon as bytes arrive, as nginx does when a ClientHello reaches a plain port. */
    public static final Script PLAIN_HTTP = socket -> {
        readSome(socket.getInputStream());
        socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        Thread.sleep(1_000);
    };

    /** Starts a TLS record, then sends one byte every 200 ms: never quiet long enough for a read timeout. */
    public static final Script DRIBBLING_HANDSHAKE = socket -> {
        readSome(socket.getInputStream());
        for (int i = 0; i < 300; i++) {
            socket.getOutputStream().write(i < 3 ? new byte[] {0x16, 0x03, 0x03}[i] : 0x01);
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
    };

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private ScriptedPeer(ServerSocket server, Script script) {
        this.server = server;
        Thread acceptor = new Thread(() -> acceptLoop(script), "scripted-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ScriptedPeer start(InetAddress address, int port, Script script) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port));
        return new ScriptedPeer(socket, script);
    }

    private void acceptLoop(Script script) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> {
                    try (s) {
                        script.play(s);
                    } catch (IOException | InterruptedException e) {
                        // the prober hung up or the test ended
                    }
                }, "scripted-peer-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void readSome(InputStream in) throws IOException {
        in.read(new byte[16_384]);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
