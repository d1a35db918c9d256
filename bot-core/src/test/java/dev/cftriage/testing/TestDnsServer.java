package dev.cftriage.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An in-process recursive DNS resolver for tests, on 127.0.0.1 (UDP, and TCP on the same port for answers that
 * do not fit a datagram). It answers from the records the test adds, chasing CNAMEs inside its own data as a
 * recursive resolver does (stopping at the first name seen twice, so a loop comes back as a looping chain),
 * says NXDOMAIN for names it knows nothing about (NOERROR with no answer for a name that exists, or has names
 * below it, but holds no record of the asked type), and acts out a fault for the names the test marks:
 * SERVFAIL, REFUSED, silence (the query is dropped, the client times out), or broken DNSSEC (SERVFAIL unless the
 * query sets the CD bit). A fault on a CNAME target applies when the chain reaches it.
 *
 * <p>Thread-safe: records and faults may be added while the server answers from its worker threads. Close it to
 * stop it.
 */
public final class TestDnsServer implements AutoCloseable {
    private static final long TTL = 60;
    private static final int MAX_CHAIN = 16;
    private static final int UDP_LIMIT = 512;

    private enum Fault { SERVFAIL, REFUSED, SILENT, DNSSEC_BROKEN }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<Name, Fault> faults = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        daemon(this::serveUdp, "test-dns-udp-" + udp.getLocalPort());
        daemon(this::acceptTcp, "test-dns-tcp-" + udp.getLocalPort());
    }

    /** Starts a server on a free port of 127.0.0.1, the same port for UDP and TCP. */
    public static TestDnsServer start() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; ; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                ServerSocket tcp = new ServerSocket();
                try {
                    tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                } catch (IOException e) {
                    tcp.close();
                    throw e;
                }
                return new TestDnsServer(udp, tcp);
            } catch (BindException e) {
                udp.close();
                if (attempt == 20) {
                    throw new UncheckedIOException("no port free for both UDP and TCP", e);
                }
            } catch (IOException e) {
                if (udp != null) {
                    udp.close();
                }
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Adds an A record. */
    public TestDnsServer a(String name, String ipv4) {
        return add(new ARecord(name(name), DClass.IN, TTL, ip(ipv4)));
    }

    /** Adds an AAAA record. */
    public TestDnsServer aaaa(String name, String ipv6) {
        return add(new AAAARecord(name(name), DClass.IN, TTL, ip(ipv6)));
    }

    /** Makes {@code name} an alias of {@code target}. */
    public TestDnsServer cname(String name, String target) {
        return add(new CNAMERecord(name(name), DClass.IN, TTL, name(target)));
    }

    /** Adds an NS record: {@code nsName} serves {@code zone}. */
    public TestDnsServer ns(String zone, String nsName) {
        return add(new NSRecord(name(zone), DClass.IN, TTL, name(nsName)));
    }

    /** Answers SERVFAIL for every query about {@code name}. */
    public TestDnsServer servfail(String name) {
        faults.put(name(name), Fault.SERVFAIL);
        return this;
    }

    /**
     * Acts out a name whose DNSSEC does not validate (a stale DS record at the parent): SERVFAIL, as a validating
     * resolver answers, unless the query sets the CD (checking disabled) bit — then the records come back.
     */
    public TestDnsServer dnssecBroken(String name) {
        faults.put(name(name), Fault.DNSSEC_BROKEN);
        return this;
    }

    /** Answers REFUSED for every query about {@code name}. */
    public TestDnsServer refused(String name) {
        faults.put(name(name), Fault.REFUSED);
        return this;
    }

    /** Drops every query about {@code name} without an answer. */
    public TestDnsServer silent(String name) {
        faults.put(name(name), Fault.SILENT);
        return this;
    }

    /** Where the server listens, as {@code 127.0.0.1:PORT}. */
    public String address() {
        return udp.getLocalAddress().getHostAddress() + ":" + udp.getLocalPort();
    }

    /** How many queries arrived so far, over UDP and TCP, answered or not. */
    public int queries() {
        return queries.get();
    }

    /** Stops the server. */
    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestDnsServer add(Record record) {
        records.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    private void serveUdp() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Message answer = answer(query);
                if (answer != null) {
                    OPTRecord opt = query.getOPT();
                    byte[] wire = answer.toWire(opt == null ? UDP_LIMIT : Math.max(UDP_LIMIT, opt.getPayloadSize()));
                    udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                }
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                // An unreadable datagram: ignore it, as a resolver would.
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket socket = tcp.accept();
                daemon(() -> serveTcp(socket), "test-dns-tcp-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket socket) {
        try (socket;
             DataInputStream in = new DataInputStream(socket.getInputStream());
             DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            while (true) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message answer = answer(new Message(wire));
                if (answer != null) {
                    byte[] reply = answer.toWire();
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
            }
        } catch (EOFException e) {
            // The client closed the connection.
        } catch (IOException e) {
            // The connection broke or the server was closed.
        }
    }

    /** The answer to a query, or null when the query is to be dropped. */
    private Message answer(Message query) {
        queries.incrementAndGet();
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (query.getHeader().getFlag(Flags.CD)) {
            response.getHeader().setFlag(Flags.CD);
        }
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        int type = question.getType();
        Name current = question.getName();
        Set<Name> seen = new HashSet<>();
        List<Record> answers = new ArrayList<>();
        int rcode = Rcode.NOERROR;
        while (seen.add(current) && seen.size() <= MAX_CHAIN) {
            Fault fault = faults.get(current);
            if (fault == Fault.DNSSEC_BROKEN && query.getHeader().getFlag(Flags.CD)) {
                fault = null;
            }
            if (fault == Fault.SILENT) {
                return null;
            }
            if (fault != null) {
                answers.clear();
                rcode = fault == Fault.REFUSED ? Rcode.REFUSED : Rcode.SERVFAIL;
                break;
            }
            List<Record> here = records.getOrDefault(current, List.of());
            List<Record> matching = here.stream().filter(r -> r.getType() == type).toList();
            if (!matching.isEmpty()) {
                answers.addAll(matching);
                break;
            }
            Record alias = here.stream().filter(r -> r.getType() == Type.CNAME).findFirst().orElse(null);
            if (alias == null) {
                rcode = exists(current) ? Rcode.NOERROR : Rcode.NXDOMAIN;
                break;
            }
            answers.add(alias);
            current = ((CNAMERecord) alias).getTarget();
        }
        answers.forEach(r -> response.addRecord(r, Section.ANSWER));
        response.getHeader().setRcode(rcode);
        return response;
    }

    /** True when the name holds records or has names below it (an empty non-terminal). */
    private boolean exists(Name name) {
        return records.keySet().stream().anyMatch(n -> n.subdomain(name));
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + text, e);
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(requireLiteral(literal));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    private static String requireLiteral(String text) {
        if (!text.contains(":") && !text.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            throw new IllegalArgumentException("not an IP literal: " + text);
        }
        return text;
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
