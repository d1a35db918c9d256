package dev.cftriage.config;

import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.CidrSet;
import dev.cftriage.internal.net.CloudflarePorts;
import dev.cftriage.internal.net.HostNames;
import dev.cftriage.internal.net.ResolverAddress;
import dev.cftriage.internal.net.Ascii;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates and normalises the value of one setting, whether it came from the file or the environment. Every
 * method takes {@code where} — the environment variable or the file and key — and puts it at the front of the
 * {@link BadInputException} it throws. Stateless.
 */
final class SettingValues {
    private SettingValues() {
    }

    /** The non-blank items of a comma-separated list, stripped. */
    static List<String> commaList(String text) {
        return texts(Arrays.asList(text.split(",")));
    }

    /**
     * The items that hold something, in order: null items (an empty YAML item such as {@code -} or {@code ~}) and
     * blank ones are dropped, the rest stripped.
     */
    private static List<String> texts(List<String> items) {
        return present(items).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The items without nulls (empty YAML items), in order. */
    private static <T> List<T> present(List<T> items) {
        return items.stream().filter(Objects::nonNull).toList();
    }

    static Duration duration(String text, String where) {
        try {
            return Durations.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
    }

    static boolean flag(String text, String where) {
        return switch (Ascii.lower(text.strip())) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new BadInputException(where + ": " + Quoted.of(text) + " is not true or false");
        };
    }

    static List<Integer> portTexts(List<String> texts, String where) {
        List<Integer> ports = new ArrayList<>();
        for (String text : texts) {
            try {
                ports.add(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": " + Quoted.of(text) + " is not a port number");
            }
        }
        return ports(ports, where);
    }

    /** The ports without empty items or repeats, each one Cloudflare proxies ({@link CloudflarePorts#requireProxied}). */
    static List<Integer> ports(List<Integer> ports, String where) {
        List<Integer> given = present(ports);
        try {
            given.forEach(CloudflarePorts::requireProxied);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        return given.stream().distinct().toList();
    }

    /** The CIDRs as given (stripped, blanks dropped), after checking each parses. */
    static List<String> cidrs(List<String> cidrs, String where) {
        List<String> kept = texts(cidrs);
        try {
            CidrSet.parse(kept);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        return kept;
    }

    /** Resolvers as {@link ResolverAddress} reads them ({@code HOST[:PORT]}, HOST an IP literal), stripped. */
    static List<String> resolvers(List<String> resolvers, String where) {
        List<String> kept = texts(resolvers);
        for (String resolver : kept) {
            try {
                ResolverAddress.parse(resolver);
            } catch (BadInputException e) {
                throw new BadInputException(where + ": " + e.getMessage());
            }
        }
        return kept;
    }

    /** A file that exists and can be read. */
    static Path readableFile(String text, String where) {
        Path file = Path.of(text.strip());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadInputException(where + ": " + file + " is not a readable file");
        }
        return file;
    }

    /** A readable file of CIDRs, one a line. */
    static Path rangesFile(String text, String where) {
        Path file = readableFile(text, where);
        try {
            CidrSet.read(file);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        return file;
    }

    /** Parses {@code host=addr|addr2,host2=addr} into a host → origins map and normalises it. */
    static Map<String, List<String>> originsText(String text, String where) {
        Map<String, List<String>> origins = new LinkedHashMap<>();
        for (String entry : commaList(text)) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException(where + ": " + Quoted.of(entry) + " is not host=origin|origin");
            }
            String host = entry.substring(0, eq);
            if (origins.put(host, Arrays.asList(entry.substring(eq + 1).split("\\|"))) != null) {
                throw new BadInputException(where + ": host " + Quoted.of(host.strip()) + " is given twice");
            }
        }
        return origins(origins, where);
    }

    /** The map with every host and origin normalised ({@link HostNames}), each host once, each with an origin. */
    static Map<String, List<String>> origins(Map<String, List<String>> origins, String where) {
        Map<String, List<String>> normalised = new LinkedHashMap<>();
        origins.forEach((host, targets) -> {
            String name = hostText(host, where);
            List<String> kept = targets == null ? List.of()
                    : texts(targets).stream().map(t -> hostText(t, where)).distinct().toList();
            if (kept.isEmpty()) {
                throw new BadInputException(where + ": no origin given for " + name);
            }
            if (normalised.put(name, kept) != null) {
                throw new BadInputException(where + ": host " + name + " is given twice");
            }
        });
        return normalised;
    }

    private static String hostText(String text, String where) {
        try {
            return HostNames.parse(text).text();
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
    }

    /** A count that must be at least {@code min}, or the default when not given. */
    static int count(Integer value, int min, int fallback, String where) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new BadInputException(where + ": " + value + " is less than " + min);
        }
        return value;
    }

    /** A service's base URL, or null for {@code off} (the service is not asked). */
    static String serviceUrl(String text, String where) {
        if (Ascii.equalsIgnoreCase(text.strip(), "off")) {
            return null;
        }
        try {
            return BaseUrls.normalise(text, "the URL");
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
    }
}
