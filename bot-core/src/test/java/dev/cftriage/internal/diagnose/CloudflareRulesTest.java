package dev.cftriage.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.catalog.ErrorCatalog;
import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.parse.PasteParser;
import dev.cftriage.internal.evidence.ApiDnsFacts;
import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.evidence.FactSource;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import dev.cftriage.internal.evidence.SslModeFacts;
import dev.cftriage.report.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API-backed rules on hand-built evidence: what a record in Cloudflare DNS or the zone's mode settles. */
class CloudflareRulesTest {
    private static final ErrorCatalog CATALOG = ErrorCatalog.load();
    private static final String HOST = "shop.example.test";

    private static List<Cause> diagnose(int code, ProbeResult... results) {
        Evidence evidence = new Evidence(List.of(results), List.of(), Instant.parse("2026-01-18T14:35:00Z"), List.of());
        return new Diagnoser(CATALOG).diagnose(code, CATALOG.code(code).orElseThrow(), PasteParser.parse(HOST), evidence,
                HOST, Duration.ofSeconds(4));
    }

    private static ProbeResult records(String content, AddressCategory category, boolean allowed) {
        ApiDnsFacts facts = new ApiDnsFacts(HOST, "example.test", List.of(new ApiDnsFacts.Record("A", HOST, content, true,
                new ClassifiedAddress(content, 4, category, allowed, allowed ? null : "refused"), null)));
        return new ProbeResult(ProbeKind.CF_API_DNS, HOST, facts.verdict(), 5, facts.summary(), facts);
    }

    @Test
    void aRecordHoldingACloudflareAddressIsSettledByTheApi() {
        Cause top = diagnose(1000, records("104.16.132.229", AddressCategory.CLOUDFLARE, true)).get(0);

        assertEquals("dns-points-to-cloudflare", top.id());
        assertEquals(0.97, top.confidence());
        assertTrue(top.evidence().get(0).endsWith("a Cloudflare address [API]"), top.evidence().toString());
        assertTrue(top.fix().get(0).contains(HOST), top.fix().toString());
        assertEquals(List.of(FactSource.API), top.sources());
    }

    @Test
    void aRecordHoldingAPrivateAddressIsSettledByTheApi() {
        Cause top = diagnose(523, records("10.0.0.5", AddressCategory.PRIVATE, false)).get(0);

        assertEquals("dns-private-address", top.id());
        assertTrue(top.fix().get(0).contains("10.0.0.5 (private)"), top.fix().toString());
    }

    @Test
    void aModeThatCannotGiveTheErrorPointsToAnOverride() {
        SslModeFacts flexible = new SslModeFacts("example.test", "flexible", null);
        List<Cause> causes = diagnose(525, new ProbeResult(ProbeKind.CF_API_SSL, HOST, ProbeStatus.OK, 3, flexible.summary(), flexible));

        Cause mismatch = causes.stream().filter(c -> c.id().equals("ssl-mode-mismatch")).findFirst().orElseThrow();
        assertTrue(mismatch.verified());
        assertTrue(mismatch.evidence().get(0).contains("Flexible [API], which cannot give 525"), mismatch.evidence().toString());
    }
}
