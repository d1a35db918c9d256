package dev.cftriage.config;

import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.CloudflarePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a triage, shared by the CLI and the bots. Immutable; build it with {@link ConfigLoader}, or
 * {@link #builder()} (the defaults) and {@link #toBuilder()} (a copy to change).
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

    /** A builder holding the defaults ({@link #defaults()}). */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link TriageConfig}: each setter replaces one setting and returns this builder; {@link #build()}
     * checks the values (as the record's constructor does). Not thread-safe.
     */
    public static final class Builder {
        private List<String> resolvers;
        private List<String> allowTargets;
        private Path caFile;
        private Path cloudflareRanges;
        private Duration timeout;
        private boolean offline;
        private Map<String, List<String>> origins;
        private List<Integer> ports;
        private Limits limits;
        private Secret cloudflareApiToken;
        private String cloudflareApiUrl;
        private String cloudflareStatusUrl;
        private boolean refreshRanges;

        private Builder(TriageConfig from) {
            resolvers = from.resolvers;
            allowTargets = from.allowTargets;
            caFile = from.caFile;
            cloudflareRanges = from.cloudflareRanges;
            timeout = from.timeout;
            offline = from.offline;
            origins = from.origins;
            ports = from.ports;
            limits = from.limits;
            cloudflareApiToken = from.cloudflareApiToken;
            cloudflareApiUrl = from.cloudflareApiUrl;
            cloudflareStatusUrl = from.cloudflareStatusUrl;
            refreshRanges = from.refreshRanges;
        }

        /** Sets the DNS resolvers as {@code HOST[:PORT]}; empty means the system's. */
        public Builder resolvers(List<String> v) {
            resolvers = v;
            return this;
        }

        /** Sets the CIDRs that may be probed although not public. */
        public Builder allowTargets(List<String> v) {
            allowTargets = v;
            return this;
        }

        /** Sets an extra PEM file of CA certificates to trust for origins, or null. */
        public Builder caFile(Path v) {
            caFile = v;
            return this;
        }

        /** Sets a file of Cloudflare edge CIDRs replacing the built-in list, or null. */
        public Builder cloudflareRanges(Path v) {
            cloudflareRanges = v;
            return this;
        }

        /** Sets the overall budget of one triage's probes. */
        public Builder timeout(Duration v) {
            timeout = v;
            return this;
        }

        /** Sets whether to run no probe at all (knowledge only). */
        public Builder offline(boolean v) {
            offline = v;
            return this;
        }

        /** Sets the origins: host → origin addresses or names. */
        public Builder origins(Map<String, List<String>> v) {
            origins = v;
            return this;
        }

        /** Sets the origin ports probed by default. */
        public Builder ports(List<Integer> v) {
            ports = v;
            return this;
        }

        /** Sets the bounds for long-running bots. */
        public Builder limits(Limits v) {
            limits = v;
            return this;
        }

        /** Sets the read-only Cloudflare API token, or null. */
        public Builder cloudflareApiToken(Secret v) {
            cloudflareApiToken = v;
            return this;
        }

        /** Sets the base URL of Cloudflare's API, or null. */
        public Builder cloudflareApiUrl(String v) {
            cloudflareApiUrl = v;
            return this;
        }

        /** Sets the base URL of Cloudflare's status page, or null. */
        public Builder cloudflareStatusUrl(String v) {
            cloudflareStatusUrl = v;
            return this;
        }

        /** Sets whether to refresh the edge ranges from the API's {@code /ips}. */
        public Builder refreshRanges(boolean v) {
            refreshRanges = v;
            return this;
        }

        /**
         * The settings.
         *
         * @throws BadInputException when a value is invalid (a port Cloudflare does not proxy, a timeout that is not
         *     positive, a malformed service URL)
         */
        public TriageConfig build() {
            return new TriageConfig(resolvers, allowTargets, caFile, cloudflareRanges, timeout, offline, origins, ports,
                    limits, cloudflareApiToken, cloudflareApiUrl, cloudflareStatusUrl, refreshRanges);
        }
    }
}
