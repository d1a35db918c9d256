package dev.cftriage.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * An origin whose SYNs go unanswered, on loopback: a listening socket with a backlog of one that never accepts,
 * its accept queue filled by a few connections of its own. Linux then drops further SYNs, so a connect times out
 * exactly as it does against a firewall that drops packets. Close it to stop it.
 */
public final class BlackHoleServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    private BlackHoleServer(ServerSocket server) {
        this.server = server;
    }

    /** Starts a black hole on {@code address:port}. */
    public static BlackHoleServer start(InetAddress address, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(address, port), 1);
        BlackHoleServer hole = new BlackHoleServer(server);
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(address, port), 200);
                hole.fillers.add(s);
            } catch (IOException e) {
                s.close();
                break;
            }
        }
        return hole;
    }

    /** How many connections were needed to fill the accept queue. */
    public int fillers() {
        return fillers.size();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
