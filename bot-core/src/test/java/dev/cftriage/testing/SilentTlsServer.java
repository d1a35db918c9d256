package dev.cftriage.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;

/**
 * An HTTPS origin on loopback that accepts, completes the TLS handshake, reads the request and never answers: the
 * origin behind a 524. It holds each connection until the client hangs up or the server closes. Counts completed
 * handshakes. Close it to stop it.
 */
public final class SilentTlsServer implements AutoCloseable {
    private final SSLServerSocket server;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private SilentTlsServer(SSLServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptLoop, "silent-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts the server on {@code address:port}, presenting a certificate for {@code host}. */
    public static SilentTlsServer start(InetAddress address, int port, String host) throws IOException {
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(TlsFixtures.leaf(host, TlsFixtures.root())).build();
        SSLServerSocket socket = (SSLServerSocket) certificates.sslContext().getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 50);
        return new SilentTlsServer(socket);
    }

    /** How many handshakes completed on the server's side. */
    public int handshakes() {
        return handshakes.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve((SSLSocket) s), "silent-tls-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket s) {
        try (s) {
            s.startHandshake();
            handshakes.incrementAndGet();
            FaultServer.readHead(s.getInputStream());
            while (s.getInputStream().read() >= 0) {
                // silent: read until the client hangs up
            }
        } catch (IOException e) {
            // the prober hung up, or the server closed
        } finally {
            open.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
