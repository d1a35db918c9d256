package dev.cftriage.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * An HTTPS origin on loopback that asks every client for a certificate, as an origin with Authenticated Origin
 * Pulls does: {@code required} aborts the handshake without one (nginx {@code ssl_verify_client on}), otherwise it
 * only asks ({@code optional}) and answers 200. It trusts no client certificate at all. Counts completed handshakes.
 * Close it to stop it.
 */
public final class ClientCertificateServer implements AutoCloseable {
    private final SSLServerSocket server;
    private final AtomicInteger handshakes = new AtomicInteger();

    private ClientCertificateServer(SSLServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptLoop, "client-cert-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts the server.
     *
     * @param protocol the one TLS version it speaks, e.g. {@code TLSv1.3} or {@code TLSv1.2}
     * @param required true to abort without a client certificate, false only to ask for one
     */
    public static ClientCertificateServer start(InetAddress address, int port, String host, String protocol,
                                                boolean required) throws IOException {
        HeldCertificate cert = TlsFixtures.leaf(host, TlsFixtures.root());
        HandshakeCertificates certificates = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        SSLServerSocket socket = (SSLServerSocket) certificates.sslContext().getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 50);
        socket.setEnabledProtocols(new String[] {protocol});
        if (required) {
            socket.setNeedClientAuth(true);
        } else {
            socket.setWantClientAuth(true);
        }
        return new ClientCertificateServer(socket);
    }

    /** How many handshakes completed on the server's side. */
    public int handshakes() {
        return handshakes.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve((SSLSocket) s), "client-cert-conn");
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
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the handshake failed (no client certificate) or the prober hung up
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
