package dev.cftriage.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build stamped into cf-triage: its version (from the resource {@code dev/cftriage/version.properties},
 * filled in by Maven) and the one User-Agent every HTTP request cf-triage makes carries. Constants; thread-safe.
 */
public final class BuildInfo {
    /** The build's version, e.g. {@code 0.1.0}. */
    public static final String VERSION = version();
    /** The User-Agent of every probe and API request: {@code cf-triage/VERSION}. */
    public static final String USER_AGENT = "cf-triage/" + VERSION;

    private BuildInfo() {
    }

    private static String version() {
        String resource = "/dev/cftriage/version.properties";
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("resource " + resource + " was not filled in by the build");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
