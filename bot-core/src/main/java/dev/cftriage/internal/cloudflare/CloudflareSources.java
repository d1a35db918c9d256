package dev.cftriage.internal.cloudflare;

import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.CloudflareRanges;
import dev.cftriage.internal.evidence.ApiDnsFacts;
import dev.cftriage.internal.evidence.Probe;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ZoneFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What Cloudflare itself can tell about a triage, as probes the engine runs beside its own under the same budget:
 * the status page, and — with an API token — the zone, its DNS records, its SSL mode, the Ray ID's request and the
 * tunnel. Also keeps the edge ranges refreshed from {@code /ips} when the settings ask for it. Each part is off
 * when its URL (or, for the API, the token) is not set, which is how {@link TriageConfig#defaults()} leaves them.
 * These services are the operator's, not a chat user's target, so they do not pass the address policy; every call
 * has a strict timeout. Thread-safe; close it to stop the refresh and the clients.
 */
public final class CloudflareSources implements AutoCloseable {
    /** The longest a single call to the API or the status page may take, whatever the budget. */
    static final Duration MAX_CALL = Duration.ofSeconds(3);

    private final CloudflareApi api;
    private final StatusPage statusPage;
    private final RangesRefresher refresher;
    private final AddressPolicy policy;

    private CloudflareSources(CloudflareApi api, StatusPage statusPage, RangesRefresher refresher, AddressPolicy policy) {
        this.api = api;
        this.statusPage = statusPage;
        this.refresher = refresher;
        this.policy = policy;
    }

    /**
     * The sources the settings enable, and the ranges refresh started when asked for (and no ranges file replaces
     * the list).
     *
     * @param policy the policy that classifies the addresses the API names (nothing connects to them here)
     * @param ranges the holder the refresh swaps new ranges into
     */
    public static CloudflareSources create(TriageConfig config, AddressPolicy policy, CloudflareRanges ranges) {
        Duration call = config.timeout().compareTo(MAX_CALL) < 0 ? config.timeout() : MAX_CALL;
        CloudflareApi api = config.cloudflareApiEnabled()
                ? new CloudflareApi(config.cloudflareApiUrl(), config.cloudflareApiToken(), call) : null;
        StatusPage status = config.cloudflareStatusUrl() == null ? null : new StatusPage(config.cloudflareStatusUrl(), call);
        RangesRefresher refresher = null;
        if (config.refreshRanges() && config.cloudflareApiUrl() != null && config.cloudflareRanges() == null) {
            refresher = new RangesRefresher(new CloudflareApi(config.cloudflareApiUrl(), null, MAX_CALL), ranges, MAX_CALL);
            refresher.start();
        }
        return new CloudflareSources(api, status, refresher, policy);
    }

    /** The first-stage lookups for a host, beside DNS: its zone and DNS records (their origins are probed next). */
    public List<Probe> lookups(String host) {
        return api == null || host == null ? List.of() : List.of(ApiProbe.zone(api, host),
                ApiProbe.dnsRecords(api, host, policy));
    }

    /**
     * The second-stage checks, beside the edge and origin probes: the status page when Cloudflare is involved (the
     * host resolves to its edge, the input names Cloudflare, or the API knows the zone), and with the API the SSL
     * mode (when the zone was found) and the tunnel (when a record routes to one).
     *
     * @param cloudflareInvolved the host resolves to Cloudflare's edge, or the input names Cloudflare
     * @param firstStage the first stage's results, with those of {@link #lookups}
     */
    public List<Probe> checks(String host, boolean cloudflareInvolved, List<ProbeResult> firstStage) {
        List<Probe> probes = new ArrayList<>();
        boolean zoneFound = firstStage.stream().map(r -> r.facts(ZoneFacts.class)).anyMatch(z -> z != null && z.found());
        if (statusPage != null && (cloudflareInvolved || zoneFound)) {
            probes.add(new StatusPageProbe(statusPage));
        }
        if (api == null || host == null) {
            return probes;
        }
        if (zoneFound) {
            probes.add(ApiProbe.sslMode(api, host));
        }
        firstStage.stream().map(r -> r.facts(ApiDnsFacts.class)).filter(f -> f != null && f.tunnelRecord() != null)
                .findFirst().ifPresent(f -> probes.add(ApiProbe.tunnel(api, host, f.tunnelRecord().tunnelId())));
        return probes;
    }

    /**
     * The Ray ID lookup for one request, or null when the API is off or there is no host or Ray ID.
     *
     * @param time when the paste says the error happened, or null
     */
    public Probe rayLookup(String host, String rayId, Instant time, Instant now) {
        return api == null || host == null || rayId == null ? null : ApiProbe.rayLookup(api, host, rayId, time, now);
    }

    /**
     * The proxied hosts of the zone named exactly {@code zone} (see {@link ProxiedHosts}); the answers share the
     * probes' cache. Completes with null when no zone the token can read has the name; fails with
     * {@link CloudflareServiceException} when a call fails or the API is off.
     *
     * @param zone a valid host name, ASCII lower case
     * @param max the most hosts kept
     */
    public CompletableFuture<ProxiedHosts> proxiedHosts(String zone, int max) {
        return api == null ? CompletableFuture.failedFuture(new CloudflareServiceException("the Cloudflare API is off"))
                : ProxiedHosts.read(api, zone, max);
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.close();
        }
        if (api != null) {
            api.close();
        }
        if (statusPage != null) {
            statusPage.close();
        }
    }
}
