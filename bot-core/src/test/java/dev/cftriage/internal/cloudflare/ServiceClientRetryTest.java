package dev.cftriage.internal.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cftriage.testing.ClosingHttpServer;
import dev.cftriage.testing.FaultServer;
import dev.cftriage.testing.FaultServer.Behaviour;
import dev.cftriage.testing.LoopbackAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A GET that meets a dead pooled connection is sent once more on a fresh one; a POST is never sent twice. */
class ServiceClientRetryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aGetAfterTheServerClosedThePooledConnectionStillGetsItsAnswer() throws Exception {
        try (ClosingHttpServer server = new ClosingHttpServer().route("/a", "{\"n\":1}").route("/b", "{\"n\":2}");
             ServiceClient client = new ServiceClient("the test service", server.url("/"), null, TIMEOUT)) {
            assertEquals(1, client.get("a").get().path("n").asInt());
            assertEquals(2, client.get("b").get().path("n").asInt());
            assertEquals(2, client.get("b").get().path("n").asInt());
            assertEquals(3, server.requests().size(), "each answer was asked for once: " + server.requests());
        }
    }

    @Test
    void aGetThatFailsOnTheConnectionIsSentExactlyOnceMore() throws Exception {
        InetAddress address = LoopbackAddresses.next();
        try (FaultServer empty = FaultServer.start(address, 8080, Behaviour.EMPTY_REPLY);
             ServiceClient client = new ServiceClient("the test service", "http://" + address.getHostAddress() + ":8080/",
                     null, TIMEOUT)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.get("a").get());
            assertTrue(e.getCause().getMessage().startsWith("the test service: GET a failed"), e.getCause().getMessage());
            assertEquals(2, empty.accepted());
        }
    }

    @Test
    void aPostThatFailsIsNeverSentAgain() throws Exception {
        InetAddress address = LoopbackAddresses.next();
        try (FaultServer empty = FaultServer.start(address, 8080, Behaviour.EMPTY_REPLY);
             ServiceClient client = new ServiceClient("the test service", "http://" + address.getHostAddress() + ":8080/",
                     null, TIMEOUT)) {
            assertThrows(ExecutionException.class, () -> client.post("graphql", JsonNodeFactory.instance.objectNode()).get());
            assertEquals(1, empty.accepted());
        }
    }
}
