package dev.cftriage.config;

import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.CloudflarePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a triage, shared by the CLI and the bots. Immutable; build it with {@link ConfigLoader} or
 * {@link #defaults()} and the {@code with…} methods.
 *
 * @param resolvers DNS resolvers as {@code HOST[:PORT]}; empty means the system's
 * @param allowTargets CIDRs that may be probed although not public (labs and tests)
 * @param caFile an extra PEM file of CA certificates to trust for origins, or null
 * @param cloudflareRanges a file of Cloudflare edge CIDRs replacing the built-in list, or null
 * @param timeout the overall budget of one triage's probes
 * @param offline true to run no probe at all (knowledge only)
 * @param origins host → origin addresses or names, for hosts whose origin hides behind Cloudflare
 * @param ports the origin ports probed by default (each must be one Cloudflare proxies)
 * @param limits bounds for long-running bots
 * @param cloudflareApiToken a read-only Cloudflare API token (Zone Read, DNS Read, Analytics Read), or null to run
 *     without the API; shown as {@code ***} when the configuration is printed
 * @param cloudflareApiUrl the base URL of Cloudflare's API ending in {@code /}, or null to use neither the API nor
 *     the {@code /ips} refresh; {@link ConfigLoader} fills in {@value #CLOUDFLARE_API_URL}, {@link #defaults()} leaves it null
 * @param cloudflareStatusUrl the base URL of Cloudflare's status page ending in {@code /}, or null not to ask it;
 *     {@link ConfigLoader} fills in {@value #CLOUDFLARE_STATUS_URL}, {@link #defaults()} leaves it null
 * @param refreshRanges true to refresh Cloudflare's edge ranges from the API's {@code /ips} at start and daily
 *     (needs {@code cloudflareApiUrl}; ignored when a {@code cloudflareRanges} file is given)
 */
public record TriageConfig(
        List<String> resolvers,
        List<String> allowTargets,
        Path caFile,
        Path cloudflareRanges,
        Duration timeout,
        boolean offline,
        Map<String, List<String>> origins,
        List<Integer> ports,
        Limits limits,
        Secret cloudflareApiToken,
        String cloudflareApiUrl,
        String cloudflareStatusUrl,
        boolean refreshRanges) {

    /** The default budget of one triage. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(4);
    /** Cloudflare's API, the production default {@link ConfigLoader} fills in. */
    public static final String CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4/";
    /** Cloudflare's status page, the production default {@link ConfigLoader} fills in. */
    public static final String CLOUDFLARE_STATUS_URL = "https://www.cloudflarestatus.com/";

    public TriageConfig {
        resolvers = resolvers == null ? List.of() : List.copyOf(resolvers);
        allowTargets = allowTargets == null ? List.of() : List.copyOf(allowTargets);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        origins = origins == null ? Map.of() : Map.copyOf(origins);
        ports = ports == null || ports.isEmpty() ? List.of(80, 443) : List.copyOf(ports);
        ports.forEach(CloudflarePorts::requireProxied);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new BadInputException("the timeout must be positive, not " + timeout);
        }
        limits = limits == null ? Limits.DEFAULT : limits;
        cloudflareApiUrl = BaseUrls.normalise(cloudflareApiUrl, "the Cloudflare API URL");
        cloudflareStatusUrl = BaseUrls.normalise(cloudflareStatusUrl, "the Cloudflare status page URL");
    }

    /** The settings of the first release, without the Cloudflare API, status page or ranges refresh. */
    public TriageConfig(List<String> resolvers, List<String> allowTargets, Path caFile, Path cloudflareRanges,
                        Duration timeout, boolean offline, Map<String, List<String>> origins, List<Integer> ports,
                        Limits limits) {
        this(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, limits, null, null,
                null, false);
    }

    /** True when the Cloudflare API may be asked about the zone: a token and an API URL are set. */
    public boolean cloudflareApiEnabled() {
        return cloudflareApiToken != null && cloudflareApiUrl != null;
    }

    /**
     * All defaults: system resolvers, nothing opted in, built-in ranges, a 4 s budget, ports 80 and 443 — and no
     * Cloudflare API, status page or ranges refresh (nothing but the probes goes out; tests rely on it).
     */
    public static TriageConfig defaults() {
        return new TriageConfig(null, null, null, null, null, false, null, null, null, null, null, null, false);
    }

    public TriageConfig withResolvers(List<String> v) {
        return new TriageConfig(v, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withAllowTargets(List<String> v) {
        return new TriageConfig(resolvers, v, caFile, cloudflareRanges, timeout, offline, origins, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withCaFile(Path v) {
        return new TriageConfig(resolvers, allowTargets, v, cloudflareRanges, timeout, offline, origins, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withCloudflareRanges(Path v) {
        return new TriageConfig(resolvers, allowTargets, caFile, v, timeout, offline, origins, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withTimeout(Duration v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, v, offline, origins, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withOffline(boolean v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, v, origins, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withOrigins(Map<String, List<String>> v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, v, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withPorts(List<Integer> v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, v, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withLimits(Limits v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, v,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withCloudflareApiToken(Secret v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, limits,
                v, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withCloudflareApiUrl(String v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, limits,
                cloudflareApiToken, v, cloudflareStatusUrl, refreshRanges);
    }

    public TriageConfig withCloudflareStatusUrl(String v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, v, refreshRanges);
    }

    public TriageConfig withRefreshRanges(boolean v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, limits,
                cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, v);
    }
}
