package dev.cftriage.config;

import dev.cftriage.BadInputException;
import dev.cftriage.net.CloudflarePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
        Limits limits) {

    /** The default budget of one triage. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(4);

    public TriageConfig {
        resolvers = resolvers == null ? List.of() : List.copyOf(resolvers);
        allowTargets = allowTargets == null ? List.of() : List.copyOf(allowTargets);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        origins = origins == null ? Map.of() : Map.copyOf(origins);
        ports = ports == null || ports.isEmpty() ? List.of(80, 443) : List.copyOf(ports);
        for (int port : ports) {
            if (!CloudflarePorts.proxied(port)) {
                throw new BadInputException("port " + port + " is not one Cloudflare proxies; use one of HTTP "
                        + new TreeSet<>(CloudflarePorts.HTTP) + " or HTTPS " + new TreeSet<>(CloudflarePorts.HTTPS));
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new BadInputException("the timeout must be positive, not " + timeout);
        }
        limits = limits == null ? Limits.DEFAULT : limits;
    }

    /** All defaults: system resolvers, nothing opted in, built-in ranges, a 4 s budget, ports 80 and 443. */
    public static TriageConfig defaults() {
        return new TriageConfig(null, null, null, null, null, false, null, null, null);
    }

    public TriageConfig withResolvers(List<String> v) {
        return new TriageConfig(v, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, limits);
    }

    public TriageConfig withAllowTargets(List<String> v) {
        return new TriageConfig(resolvers, v, caFile, cloudflareRanges, timeout, offline, origins, ports, limits);
    }

    public TriageConfig withCaFile(Path v) {
        return new TriageConfig(resolvers, allowTargets, v, cloudflareRanges, timeout, offline, origins, ports, limits);
    }

    public TriageConfig withCloudflareRanges(Path v) {
        return new TriageConfig(resolvers, allowTargets, caFile, v, timeout, offline, origins, ports, limits);
    }

    public TriageConfig withTimeout(Duration v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, v, offline, origins, ports, limits);
    }

    public TriageConfig withOffline(boolean v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, v, origins, ports, limits);
    }

    public TriageConfig withOrigins(Map<String, List<String>> v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, v, ports, limits);
    }

    public TriageConfig withPorts(List<Integer> v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, v, limits);
    }

    public TriageConfig withLimits(Limits v) {
        return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports, v);
    }
}
