package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.net.Ascii;
import dev.cftriage.internal.net.CloudflarePorts;
import java.util.Map;

/**
 * Fills {@code {name}} placeholders in the catalog's fix steps. A placeholder the evidence gave no value for is
 * worded in general terms ({@link #GENERIC}), or inside a command named in capitals ({@link #IN_COMMANDS}), so no
 * raw slot ever reaches a reader. {@code {servername}} sends the host as SNI
 * unless it is an IP address, and {@code {scheme}} always agrees with {@code {port}}: {@code http} for a port Cloudflare proxies over plain HTTP, {@code https} otherwise, so that no
 * step suggests {@code https://host:80/}.
 */
final class Templates {
    /**
     * What stands in for a value the evidence did not give: general words a reader can act on, never a raw slot
     * such as {@code <port>}. Ports default to 443, where Cloudflare sends HTTPS (the modes other than Flexible).
     */
    private static final Map<String, String> GENERIC = Map.ofEntries(
            Map.entry("host", "your host name"),
            Map.entry("address", "your origin's IP address"),
            Map.entry("addresses", "your origin's IP addresses"),
            Map.entry("port", "443"),
            Map.entry("scheme", "https"),
            Map.entry("servername", " -servername HOST"),
            Map.entry("ports", "80 and 443"),
            Map.entry("expiry", "on its end date"),
            Map.entry("names", "other names"),
            Map.entry("issuer", "as its own issuer"),
            Map.entry("status", "an error status"),
            Map.entry("resolver", "your usual resolver"),
            Map.entry("nameservers", "the zone's name servers, from `dig NS` on the zone"),
            Map.entry("cnameChain", "as `dig +trace` shows it"),
            Map.entry("headerBytes", "the measured size"),
            Map.entry("largestHeaderBytes", "the largest header's size"),
            Map.entry("elapsedMs", "the time it took"),
            Map.entry("timeoutMs", "the time allowed"),
            Map.entry("category", "not a public address"),
            Map.entry("colo", "the data centre in the Ray ID"),
            Map.entry("rayId", "the Ray ID from the error page"),
            Map.entry("server", "the server"),
            Map.entry("problem", "the error the handshake reports"),
            Map.entry("mode", "the mode that fits the origin's ports"),
            Map.entry("incident", "https://www.cloudflarestatus.com"));

    /**
     * What stands in for a missing value inside a command (between backticks): a name in capitals the reader sets,
     * as a shell variable would be, so the command stays one that runs once it is set.
     */
    private static final Map<String, String> IN_COMMANDS = Map.ofEntries(
            Map.entry("host", "HOST"),
            Map.entry("address", "ORIGIN_IP"),
            Map.entry("addresses", "ORIGIN_IP"),
            Map.entry("resolver", "RESOLVER"),
            Map.entry("nameservers", "NS"),
            Map.entry("rayId", "RAY_ID"),
            Map.entry("colo", "COLO"));

    private Templates() {
    }

    /** The template with every {@code {name}} replaced by its value, or by general words when it has none. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        boolean inCode = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '`') {
                inCode = !inCode;
            }
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            String name = close > i + 1 ? template.substring(i + 1, close) : null;
            if (name != null && name.chars().allMatch(Character::isLetterOrDigit)) {
                String value = name.equals("scheme") ? scheme(values.get("port"))
                        : name.equals("servername") ? serverName(values.get("host")) : values.get(name);
                out.append(value != null ? value : inCode ? IN_COMMANDS.getOrDefault(name, GENERIC.getOrDefault(name, name))
                        : GENERIC.getOrDefault(name, name));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The {@code openssl s_client} option that sends the host as SNI, with its leading space: none for an IP
     * address, which is never sent as SNI; null without a host.
     */
    private static String serverName(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        boolean address = host.indexOf(':') >= 0 || host.chars().allMatch(c -> Ascii.digit(c) || c == '.');
        return address ? "" : " -servername " + host;
    }

    /** The scheme for the port's value: http on a port Cloudflare proxies over plain HTTP, else https; null without a port. */
    private static String scheme(String port) {
        if (port == null || port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Ascii::digit)) {
            return null;
        }
        return CloudflarePorts.HTTP.contains(Integer.parseInt(port)) ? "http" : "https";
    }
}
