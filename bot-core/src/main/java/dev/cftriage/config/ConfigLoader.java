package dev.cftriage.config;

import dev.cftriage.input.BadInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Builds the {@link TriageConfig} from the YAML file named by {@code CFTRIAGE_CONFIG} (if any) and the
 * {@code CFTRIAGE_*} and {@code CLOUDFLARE_*} environment variables, which override the file: a variable replaces the
 * file's value of its key as a whole. This is the production entry: unlike {@link TriageConfig#defaults()} it fills
 * in Cloudflare's real API and status page URLs and turns the ranges refresh on. Blank variables count as unset. Every value is validated: ports must be ones Cloudflare proxies, CIDRs
 * must parse, files must be readable, origin hosts are normalised. Stateless and thread-safe; reads the files
 * the settings name, nothing else.
 */
public final class ConfigLoader {
    /** The path of the YAML configuration file. */
    public static final String CONFIG = "CFTRIAGE_CONFIG";
    /** DNS resolvers, comma-separated {@code HOST[:PORT]}. */
    public static final String RESOLVER = "CFTRIAGE_RESOLVER";
    /** CIDRs that may be probed although not public, comma-separated. */
    public static final String ALLOW_TARGET = "CFTRIAGE_ALLOW_TARGET";
    /** A PEM file of extra CA certificates. */
    public static final String CA_FILE = "CFTRIAGE_CA_FILE";
    /** A file of Cloudflare edge CIDRs replacing the built-in list. */
    public static final String CLOUDFLARE_RANGES = "CFTRIAGE_CLOUDFLARE_RANGES";
    /** The probe budget of one triage, e.g. {@code 4s}. */
    public static final String TIMEOUT = "CFTRIAGE_TIMEOUT";
    /** {@code true} to run no probe. */
    public static final String OFFLINE = "CFTRIAGE_OFFLINE";
    /** Origin ports probed by default, comma-separated. */
    public static final String PORTS = "CFTRIAGE_PORTS";
    /** Known origins: {@code host=addr|addr2,host2=addr}. */
    public static final String ORIGINS = "CFTRIAGE_ORIGINS";
    /** A read-only Cloudflare API token (environment only, never from the file). */
    public static final String CLOUDFLARE_API_TOKEN = "CLOUDFLARE_API_TOKEN";
    /** The base URL of Cloudflare's API, for proxies and tests; {@code off} disables the API and the ranges refresh. */
    public static final String CLOUDFLARE_API_URL = "CLOUDFLARE_API_URL";
    /** The base URL of Cloudflare's status page, for proxies and tests; {@code off} disables it. */
    public static final String CLOUDFLARE_STATUS_URL = "CLOUDFLARE_STATUS_URL";
    /** {@code false} to keep the built-in Cloudflare ranges instead of refreshing them from the API's {@code /ips}. */
    public static final String REFRESH_RANGES = "CFTRIAGE_REFRESH_RANGES";

    private ConfigLoader() {
    }

    /**
     * The configuration the file and the environment describe; the defaults where neither says anything.
     *
     * @param env the environment variables (pass {@code System.getenv()}; tests pass their own map)
     * @throws BadInputException naming the file, key or variable when a value is missing, unreadable or invalid
     */
    public static TriageConfig load(Map<String, String> env) {
        TriageConfig.Builder config = productionDefaults().toBuilder();
        String file = value(env, CONFIG);
        if (file != null) {
            applyFile(config, Path.of(file.strip()));
        }
        applyEnvironment(config, env);
        return config.build();
    }

    /**
     * What the CLI and the bots run with when neither file nor environment says anything: {@link TriageConfig#defaults()}
     * with Cloudflare's real API and status page and the ranges refresh on (no token: the API's lookups stay off).
     */
    public static TriageConfig productionDefaults() {
        return TriageConfig.builder()
                .cloudflareApiUrl(TriageConfig.CLOUDFLARE_API_URL)
                .cloudflareStatusUrl(TriageConfig.CLOUDFLARE_STATUS_URL)
                .refreshRanges(true)
                .build();
    }

    private static void applyFile(TriageConfig.Builder config, Path path) {
        ConfigFile file = ConfigFile.read(path);
        String where = "config file " + path + ", key ";
        if (file.resolvers() != null) {
            config.resolvers(SettingValues.resolvers(file.resolvers(), where + "resolvers"));
        }
        if (file.allowTargets() != null) {
            config.allowTargets(SettingValues.cidrs(file.allowTargets(), where + "allowTargets"));
        }
        if (file.caFile() != null) {
            config.caFile(SettingValues.readableFile(file.caFile(), where + "caFile"));
        }
        if (file.cloudflareRanges() != null) {
            config.cloudflareRanges(SettingValues.rangesFile(file.cloudflareRanges(), where + "cloudflareRanges"));
        }
        if (file.timeout() != null) {
            config.timeout(SettingValues.duration(file.timeout(), where + "timeout"));
        }
        if (file.offline() != null) {
            config.offline(file.offline());
        }
        if (file.ports() != null) {
            config.ports(SettingValues.ports(file.ports(), where + "ports"));
        }
        if (file.origins() != null) {
            config.origins(SettingValues.origins(file.origins(), where + "origins"));
        }
        if (file.cloudflareApiUrl() != null) {
            config.cloudflareApiUrl(SettingValues.serviceUrl(file.cloudflareApiUrl(), where + "cloudflareApiUrl"));
        }
        if (file.cloudflareStatusUrl() != null) {
            config.cloudflareStatusUrl(
                    SettingValues.serviceUrl(file.cloudflareStatusUrl(), where + "cloudflareStatusUrl"));
        }
        if (file.refreshRanges() != null) {
            config.refreshRanges(file.refreshRanges());
        }
        if (file.limits() != null) {
            config.limits(limits(file.limits(), where + "limits."));
        }
    }

    private static Limits limits(ConfigFile.LimitsSection section, String where) {
        Limits d = Limits.DEFAULT;
        return new Limits(
                section.shareFor() == null ? d.shareFor() : SettingValues.duration(section.shareFor(), where + "shareFor"),
                SettingValues.count(section.maxConcurrent(), 1, d.maxConcurrent(), where + "maxConcurrent"),
                SettingValues.count(section.maxQueued(), 0, d.maxQueued(), where + "maxQueued"),
                SettingValues.count(section.perUserPerMinute(), 1, d.perUserPerMinute(), where + "perUserPerMinute"),
                SettingValues.count(section.perChannelPerMinute(), 1, d.perChannelPerMinute(), where + "perChannelPerMinute"));
    }

    private static void applyEnvironment(TriageConfig.Builder config, Map<String, String> env) {
        override(config, env, RESOLVER,
                (c, v) -> c.resolvers(SettingValues.resolvers(SettingValues.commaList(v), RESOLVER)));
        override(config, env, ALLOW_TARGET,
                (c, v) -> c.allowTargets(SettingValues.cidrs(SettingValues.commaList(v), ALLOW_TARGET)));
        override(config, env, CA_FILE, (c, v) -> c.caFile(SettingValues.readableFile(v, CA_FILE)));
        override(config, env, CLOUDFLARE_RANGES,
                (c, v) -> c.cloudflareRanges(SettingValues.rangesFile(v, CLOUDFLARE_RANGES)));
        override(config, env, TIMEOUT, (c, v) -> c.timeout(SettingValues.duration(v, TIMEOUT)));
        override(config, env, OFFLINE, (c, v) -> c.offline(SettingValues.flag(v, OFFLINE)));
        override(config, env, PORTS,
                (c, v) -> c.ports(SettingValues.portTexts(SettingValues.commaList(v), PORTS)));
        override(config, env, ORIGINS, (c, v) -> c.origins(SettingValues.originsText(v, ORIGINS)));
        override(config, env, CLOUDFLARE_API_URL,
                (c, v) -> c.cloudflareApiUrl(SettingValues.serviceUrl(v, CLOUDFLARE_API_URL)));
        override(config, env, CLOUDFLARE_STATUS_URL,
                (c, v) -> c.cloudflareStatusUrl(SettingValues.serviceUrl(v, CLOUDFLARE_STATUS_URL)));
        override(config, env, REFRESH_RANGES, (c, v) -> c.refreshRanges(SettingValues.flag(v, REFRESH_RANGES)));
        override(config, env, CLOUDFLARE_API_TOKEN, (c, v) -> c.cloudflareApiToken(Secret.of(v)));
    }

    private static void override(TriageConfig.Builder config, Map<String, String> env, String name,
                                 BiConsumer<TriageConfig.Builder, String> apply) {
        String value = value(env, name);
        if (value != null) {
            apply.accept(config, value);
        }
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
