package dev.cftriage.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JSON server on 127.0.0.1 that speaks HTTP/1.0 and closes the connection after every answer without saying so
 * (no {@code Connection: close}), as an old server or a proxy with a short idle timeout does: a client that pools
 * the connection finds it dead on its next request. Answers each route (a request target, path and query, or a
 * path alone) with its body, 200, and anything else with the Cloudflare API's 404 envelope. Records the request
 * lines. Close it to stop it.
 */
public final class ClosingHttpServer implements AutoCloseable {
    private static final String NOT_FOUND = "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Could not route\"}],"
            + "\"messages\":[],\"result\":null}";

    private final ServerSocket server;
    private final Map<String, String> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public ClosingHttpServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        Thread acceptor = new Thread(this::acceptLoop, "closing-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers {@code route} with {@code body}. */
    public ClosingHttpServer route(String route, String body) {
        routes.put(route, body);
        return this;
    }

    /** The base URL of a path prefix, e.g. {@code http://127.0.0.1:PORT/client/v4/}. */
    public String url(String prefix) {
        return "http://127.0.0.1:" + server.getLocalPort() + prefix;
    }

    /** The request lines received so far ({@code GET /path?query HTTP/1.1}). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "closing-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            String requestLine = head(s.getInputStream());
            if (requestLine == null) {
                return;
            }
            requests.add(requestLine);
            String[] parts = requestLine.split(" ");
            String target = parts.length > 1 ? parts[1] : "/";
            int q = target.indexOf('?');
            String body = routes.getOrDefault(target, routes.get(q < 0 ? target : target.substring(0, q)));
            int status = body == null ? 404 : 200;
            byte[] bytes = (body == null ? NOT_FOUND : body).getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.0 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the client hung up
        }
    }

    /** Reads the request head (a POST's body is left unread); returns its first line, or null when none came. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String first = null;
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return first;
            }
            if (first == null) {
                if (b == '\r') {
                    first = line.toString(StandardCharsets.US_ASCII);
                } else {
                    line.write(b);
                }
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return first;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
