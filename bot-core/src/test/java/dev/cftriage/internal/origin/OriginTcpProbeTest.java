package dev.cftriage.internal.origin;

import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.TcpFacts;
import dev.cftriage.internal.evidence.TcpOutcome;
import dev.cftriage.testing.Deadlines;
import dev.cftriage.testing.VettedLoopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.net.VettedAddress;
import dev.cftriage.testing.FaultServer;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginTcpProbeTest {

    @Test
    void listeningPortIsReportedAsConnected() throws Exception {
        VettedAddress address = VettedLoopback.next();
        try (FaultServer server = FaultServer.start(address.address(), 8080, FaultServer.Behaviour.OK)) {
            TcpFacts facts = new OriginTcpProbe(address, 8080).run(Deadlines.budget(2000));

            assertEquals(TcpOutcome.CONNECTED, facts.outcome());
            assertEquals(ProbeStatus.OK, facts.verdict());
            assertEquals(address.text(), facts.address());
            assertEquals(8080, facts.port());
            assertTrue(facts.connectMs() < 2000, "took " + facts.connectMs());
        }
    }

    @Test
    void refusedPortIsReportedAsRefused() {
        VettedAddress address = VettedLoopback.next();

        TcpFacts facts = new OriginTcpProbe(address, 8443).run(Deadlines.budget(2000));

        assertEquals(TcpOutcome.REFUSED, facts.outcome());
        assertEquals(ProbeStatus.FAIL, facts.verdict());
    }

    @Test
    void droppedSynIsReportedAsTimedOutWithinTheBudget() throws Exception {
        VettedAddress address = VettedLoopback.next();
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket()) {
            full.bind(new InetSocketAddress(address.address(), 8880), 1);
            fillAcceptQueue(full, fillers);
            TcpFacts facts = Deadlines.runUnder(700, new OriginTcpProbe(address, 8880)::run);

            assertEquals(TcpOutcome.TIMED_OUT, facts.outcome());
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void noRouteToHostIsReportedAsUnreachable() {
        assertEquals(TcpOutcome.UNREACHABLE, OriginTcpProbe.outcomeOf(new NoRouteToHostException("No route to host")));
        assertEquals(TcpOutcome.UNREACHABLE, OriginTcpProbe.outcomeOf(new SocketException("Network is unreachable")));
    }

    @Test
    void portCloudflareDoesNotProxyIsRefusedBeforeAnyConnection() throws Exception {
        VettedAddress address = VettedLoopback.next();
        try (FaultServer server = FaultServer.start(address.address(), 9000, FaultServer.Behaviour.OK)) {
            assertThrows(IllegalArgumentException.class, () -> new OriginTcpProbe(address, 9000));

            assertEquals(0, server.accepted());
        }
    }

    @Test
    void targetIsTheAddressAndPort() {
        VettedAddress address = VettedLoopback.next();

        OriginTcpProbe probe = new OriginTcpProbe(address, 2052);

        assertEquals("origin-tcp", probe.kind().id());
        assertEquals(address.text() + ":2052", probe.target());
    }

    /** Linux drops SYNs to a listener whose accept queue is full: connect until one times out. */
    private static void fillAcceptQueue(ServerSocket server, List<Socket> fillers) throws Exception {
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            fillers.add(s);
            try {
                s.connect(server.getLocalSocketAddress(), 200);
            } catch (java.net.SocketTimeoutException e) {
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled");
    }
}
